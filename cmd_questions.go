package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/questions/formats"
)

// importQuestionsCommand reads question files (GIFT, Aiken, CSV) into an
// article's question bank, as the import page does.
func importQuestionsCommand(fs *flag.FlagSet, stdout, stderr io.Writer) func([]string) int {
	dbPath := dbFlag(fs)
	article := fs.Uint("article", 0, "the id of the article the questions go into (required)")
	format := fs.String("format", "", "gift, aiken or csv (default: from each file's name)")
	dryRun := fs.Bool("dry-run", false, "read and check the files, store nothing")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: factquiz import-questions -article ID [-format gift|aiken|csv] [-dry-run] FILE...")
		fmt.Fprintln(fs.Output(), "\nReads each file and stores the questions read, approved, in one transaction a file.")
		fmt.Fprintln(fs.Output(), "Questions that cannot be read are reported with their line and left out.")
		fmt.Fprintf(fs.Output(), "A file of more than %d questions is refused whole.\n", formats.MaxImportQuestions)
		fs.PrintDefaults()
	}
	return func(files []string) int {
		if len(files) == 0 || *article == 0 {
			fmt.Fprintln(stderr, "factquiz import-questions: give -article ID and at least one file")
			return 2
		}
		store, ok := openStore("import-questions", *dbPath, stderr)
		if !ok {
			return 1
		}
		defer store.Close()
		status := 0
		for _, file := range files {
			n, problems, err := importQuestionFile(store, uint(*article), file, *format, *dryRun, stderr)
			if err != nil {
				fmt.Fprintf(stderr, "%s: %v\n", file, err)
				status = 1
				continue
			}
			if problems > 0 {
				status = 1
			}
			verb := "added"
			if *dryRun {
				verb = "would add"
			}
			fmt.Fprintf(stdout, "%s: %s %d question%s, %d left out\n", file, verb, n, plural(n), problems)
		}
		return status
	}
}

func importQuestionFile(store *models.Store, article uint, file, format string, dryRun bool, stderr io.Writer) (int, int, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0, 0, err
	}
	if format == "" {
		format = formats.FormatOf(file)
	}
	res, err := formats.ReadQuestions(format, bytes.NewReader(data))
	if err != nil {
		return 0, 0, err
	}
	if n := len(res.Questions); n > formats.MaxImportQuestions {
		return 0, 0, fmt.Errorf("the file has %d questions: at most %d can be imported at once, so none was stored; split it into smaller files", n, formats.MaxImportQuestions)
	}
	problems := 0
	for _, e := range res.Errors {
		fmt.Fprintf(stderr, "%s:%d: %s\n", file, e.Line, e.Msg)
		problems++
	}
	for _, e := range res.Skipped {
		fmt.Fprintf(stderr, "%s:%d: skipped: %s\n", file, e.Line, e.Msg)
	}
	var qs []questions.Question
	for _, im := range res.Questions {
		if errs := questions.Validate(im.Question); len(errs) > 0 {
			fmt.Fprintf(stderr, "%s:%d: %s\n", file, im.Line, models.FieldErrors(errs).Error())
			problems++
			continue
		}
		qs = append(qs, im.Question)
	}
	if dryRun {
		return len(qs), problems, nil
	}
	n, err := store.ImportQuestions(article, qs)
	return n, problems, err
}

// exportQuestionsCommand writes a bank's or a quiz's questions in a
// format.
func exportQuestionsCommand(fs *flag.FlagSet, stdout, stderr io.Writer) func([]string) int {
	dbPath := dbFlag(fs)
	article := fs.Uint("article", 0, "only this article's questions (default: every article)")
	quiz := fs.Uint("quiz", 0, "a quiz's chosen questions instead of the bank")
	format := fs.String("format", "gift", "gift, aiken or csv")
	out := fs.String("o", "", "write to this file instead of standard output")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: factquiz export-questions [-article ID | -quiz ID] [-format gift|aiken|csv] [-o FILE]")
		fmt.Fprintln(fs.Output(), "\nWrites questions that are not retired; those the format cannot hold are reported and left out.")
		fs.PrintDefaults()
	}
	return func(args []string) int {
		if len(args) > 0 {
			fmt.Fprintf(stderr, "factquiz export-questions: unexpected argument %q\n", args[0])
			return 2
		}
		if _, ok := formats.FileFormats[*format]; !ok {
			fmt.Fprintf(stderr, "factquiz export-questions: unknown format %q: use gift, aiken or csv\n", *format)
			return 2
		}
		store, ok := openStore("export-questions", *dbPath, stderr)
		if !ok {
			return 1
		}
		defer store.Close()
		qs, err := exportable(store, uint(*article), uint(*quiz))
		if err != nil {
			fmt.Fprintf(stderr, "factquiz export-questions: %v\n", err)
			return 1
		}
		var b bytes.Buffer
		skipped, err := formats.WriteQuestions(&b, *format, qs)
		if err != nil {
			fmt.Fprintf(stderr, "factquiz export-questions: %v\n", err)
			return 1
		}
		for _, s := range skipped {
			fmt.Fprintf(stderr, "skipped: %s\n", s)
		}
		if *out == "" {
			stdout.Write(b.Bytes())
		} else if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
			fmt.Fprintf(stderr, "factquiz export-questions: %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "exported %d question%s\n", len(qs)-len(skipped), plural(len(qs)-len(skipped)))
		return 0
	}
}

// exportable loads the questions to export: a quiz's chosen ones, or the
// bank's (one article's) that are not retired.
func exportable(store *models.Store, article, quiz uint) ([]questions.Question, error) {
	var rows []models.Question
	if quiz != 0 {
		z, err := store.GetQuiz(quiz)
		if err != nil {
			return nil, fmt.Errorf("quiz %d: %w", quiz, err)
		}
		for _, qq := range z.Questions {
			rows = append(rows, qq.Question)
		}
	} else {
		f := models.BankFilter{ArticleID: article, PerPage: models.MaxPerPage}
		for page := 1; ; page++ {
			f.Page = page
			p, err := store.ListQuestions(f)
			if err != nil {
				return nil, err
			}
			for _, q := range p.Questions {
				if q.Status != models.StatusRetired {
					rows = append(rows, q)
				}
			}
			if page >= p.Pages {
				break
			}
		}
	}
	out := make([]questions.Question, 0, len(rows))
	for _, r := range rows {
		eq, err := r.Engine()
		if err != nil {
			return nil, err
		}
		out = append(out, eq)
	}
	return out, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
