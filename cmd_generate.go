package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"factquiz/questions"
	"factquiz/samples"
)

// generateCommand prints questions for each file. A file that cannot be
// read or parsed is reported on stderr and the others are still processed;
// the exit status is then 1.
func generateCommand(fs *flag.FlagSet, stdout, stderr io.Writer) func([]string) int {
	n := fs.Int("n", questions.DefaultCount, "how many questions per article (0 or less: all that pass the quality checks)")
	format := fs.String("format", "text", "output format: text or json")
	sample := fs.Bool("sample", false, "also generate from the built-in sample article ("+samples.Default+")")
	maxBytes := fs.Int("max-bytes", questions.DefaultMaxBytes, "largest article accepted, in bytes")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: factquiz generate [-n 20] [-format text|json] [-max-bytes N] [-sample] FILE...")
		fmt.Fprintln(fs.Output(), "\nPrints the ranked questions generated from each article file ('-' reads stdin).")
		fs.PrintDefaults()
	}
	return func(files []string) int {
		if *format != "text" && *format != "json" {
			fmt.Fprintf(stderr, "factquiz generate: -format must be text or json, not %q\n", *format)
			return 2
		}
		if *sample {
			files = append([]string{"sample:" + samples.Default}, files...)
		}
		if len(files) == 0 {
			fmt.Fprintln(stderr, "factquiz generate: name at least one article file (or - for stdin, or -sample)")
			return 2
		}
		count := *n
		if count <= 0 {
			count = -1
		}
		if *maxBytes <= 0 {
			fmt.Fprintln(stderr, "factquiz generate: -max-bytes must be positive")
			return 2
		}
		parser := &questions.Parser{MaxBytes: *maxBytes}
		status := 0
		for _, file := range files {
			res, err := generateFile(parser, file, count)
			if err != nil {
				fmt.Fprintf(stderr, "factquiz generate: %s: %v\n", file, err)
				status = 1
				continue
			}
			if *format == "json" {
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				if err := enc.Encode(res); err != nil {
					fmt.Fprintf(stderr, "factquiz generate: %s: %v\n", file, err)
					status = 1
				}
				continue
			}
			writeText(stdout, res)
		}
		return status
	}
}

// result is the JSON contract of 'generate': one object per file.
type result struct {
	Title     string               `json:"title"`
	Facts     []questions.Fact     `json:"facts"`
	Questions []questions.Question `json:"questions"`
}

func generateFile(p *questions.Parser, file string, n int) (*result, error) {
	var data []byte
	var err error
	switch {
	case file == "-":
		data, err = io.ReadAll(io.LimitReader(os.Stdin, int64(p.Limit())+1))
	case strings.HasPrefix(file, "sample:"):
		data, err = samples.Read(strings.TrimPrefix(file, "sample:"))
	default:
		data, err = readFile(p, file)
	}
	if err != nil {
		return nil, err
	}
	g, err := questions.FromText(context.Background(), p, data, questions.Options{Count: n})
	if err != nil {
		return nil, err
	}
	facts, qs := g.Facts, g.Questions
	if facts == nil {
		facts = []questions.Fact{}
	}
	if qs == nil {
		qs = []questions.Question{}
	}
	return &result{Title: g.Article.Title, Facts: facts, Questions: qs}, nil
}

// readFile reads an article file, refusing one over the parser's limit
// without loading it.
func readFile(p *questions.Parser, file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		if err := p.CheckSize(st.Size()); err != nil {
			return nil, err
		}
	}
	return io.ReadAll(io.LimitReader(f, int64(p.Limit())+1))
}

func writeText(w io.Writer, r *result) {
	fmt.Fprintf(w, "# %s (%d facts, %d questions)\n\n", r.Title, len(r.Facts), len(r.Questions))
	for i, q := range r.Questions {
		fmt.Fprintf(w, "%d. [%s, %s, %.2f] %s\n", i+1, q.Type, q.Kind, q.Score, q.Prompt)
		for j, o := range q.Options {
			fmt.Fprintf(w, "   %c) %s\n", 'a'+j, o)
		}
		fmt.Fprintf(w, "   Answer: %s\n", questions.FormatAnswer(q))
		fmt.Fprintf(w, "   Source: %s\n\n", q.Source)
	}
}
