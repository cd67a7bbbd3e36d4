// Command factquiz turns articles into quizzes and flashcards.
//
// Usage:
//
//	factquiz generate [-n 20] [-format text|json] [-max-bytes N] [-sample] FILE...
//	factquiz [serve]
//	factquiz import FILE...
//	factquiz user add|list|passwd [-email E] [-role learner|instructor|admin]
//	factquiz import-questions -article ID [-format gift|aiken|csv] FILE...
//	factquiz migrate-data -from FILE.db -to postgres://... [-force]
//	factquiz export-questions [-article ID | -quiz ID] [-format gift|aiken|csv] [-o FILE]
//	factquiz backup [-db factquiz.db] FILE
//	factquiz help [COMMAND]
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"factquiz/questions"
	"factquiz/samples"
)

// command is one subcommand: its flags are set up by flags, and run gets
// the arguments left after them.
type command struct {
	name, summary string
	flags         func(fs *flag.FlagSet) func(args []string) int
}

func commands(stdin io.Reader, stdout, stderr io.Writer) []command {
	return []command{
		{"generate", "print the ranked questions generated from article files", func(fs *flag.FlagSet) func([]string) int {
			return generateCommand(fs, stdout, stderr)
		}},
		{"serve", "run the web server (the default command)", func(fs *flag.FlagSet) func([]string) int {
			return serveCommand(fs, stdout, stderr)
		}},
		{"import", "add article files to the database", func(fs *flag.FlagSet) func([]string) int {
			return importCommand(fs, stdout, stderr)
		}},
		{"user", "add an account, list accounts or set a password", func(fs *flag.FlagSet) func([]string) int {
			return userCommand(fs, stdin, stdout, stderr)
		}},
		{"import-questions", "read GIFT, Aiken or CSV question files into an article's question bank", func(fs *flag.FlagSet) func([]string) int {
			return importQuestionsCommand(fs, stdout, stderr)
		}},
		{"migrate-data", "copy a SQLite database into PostgreSQL", func(fs *flag.FlagSet) func([]string) int {
			return migrateDataCommand(fs, stdout, stderr)
		}},
		{"export-questions", "write the question bank or a quiz as GIFT, Aiken or CSV", func(fs *flag.FlagSet) func([]string) int {
			return exportQuestionsCommand(fs, stdout, stderr)
		}},
		{"backup", "copy the live SQLite database to a new file and check the copy", func(fs *flag.FlagSet) func([]string) int {
			return backupCommand(fs, stdout, stderr)
		}},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmds := commands(stdin, stdout, stderr)
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "-help" && args[0] != "--help" {
		args = append([]string{"serve"}, args...) // "factquiz" alone runs the server
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		if len(args) > 1 {
			return run([]string{args[1], "-h"}, stdin, stdout, stderr)
		}
		usage(stdout, cmds)
		return 0
	}
	for _, c := range cmds {
		if c.name != name {
			continue
		}
		fs := flag.NewFlagSet("factquiz "+name, flag.ContinueOnError)
		fs.SetOutput(stderr)
		runCmd := c.flags(fs)
		if err := fs.Parse(args[1:]); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		return runCmd(fs.Args())
	}
	fmt.Fprintf(stderr, "factquiz: unknown command %q\n\n", name)
	usage(stderr, cmds)
	return 2
}

func usage(w io.Writer, cmds []command) {
	fmt.Fprintln(w, "factquiz turns articles into quizzes and flashcards.")
	fmt.Fprintln(w, "\nUsage: factquiz COMMAND [flags] [args]\n\nCommands:")
	width := 0
	for _, c := range cmds {
		width = max(width, len(c.name))
	}
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'factquiz help COMMAND' or 'factquiz COMMAND -h' for a command's flags.")
}

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
	a, err := p.Parse(data)
	if err != nil {
		return nil, err
	}
	facts := questions.ExtractFacts(a)
	qs := questions.Generate(a, facts, questions.Options{Count: n})
	if facts == nil {
		facts = []questions.Fact{}
	}
	if qs == nil {
		qs = []questions.Question{}
	}
	return &result{Title: a.Title, Facts: facts, Questions: qs}, nil
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
