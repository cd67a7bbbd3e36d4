package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"factquiz/models"
	"factquiz/questions"
)

// importCommand adds article files to the database, reporting each file.
func importCommand(fs *flag.FlagSet, stdout, stderr io.Writer) func([]string) int {
	dbPath := dbFlag(fs)
	maxBytes := fs.Int("max-bytes", questions.DefaultMaxBytes, "largest article accepted, in bytes")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: factquiz import [-db factquiz.db] FILE...")
		fmt.Fprintln(fs.Output(), "\nParses each article file, generates its questions and stores both.")
		fs.PrintDefaults()
	}
	return func(files []string) int {
		if len(files) == 0 {
			fmt.Fprintln(stderr, "factquiz import: name at least one article file")
			return 2
		}
		store, ok := openStore("import", *dbPath, stderr)
		if !ok {
			return 1
		}
		defer store.Close()
		parser := &questions.Parser{MaxBytes: *maxBytes}
		status := 0
		for i, file := range files {
			prefix := fmt.Sprintf("[%d/%d] %s", i+1, len(files), file)
			text, err := readFile(parser, file)
			var art *models.Article
			if err == nil {
				art, err = importText(store, parser, text)
			}
			if err != nil {
				fmt.Fprintf(stderr, "%s: %v\n", prefix, err)
				status = 1
				continue
			}
			fmt.Fprintf(stdout, "%s: added %q (id %d) with %d questions\n", prefix, art.Title, art.ID, art.Questions)
		}
		return status
	}
}

// importText runs the engine on an article's text, keeping every question
// that passes its checks, and stores the article with them.
func importText(store *models.Store, p *questions.Parser, text []byte) (*models.Article, error) {
	g, err := questions.FromText(context.Background(), p, text, questions.Options{Count: -1})
	if err != nil {
		return nil, err
	}
	return store.CreateArticle(g.Article, string(text), g.Questions)
}
