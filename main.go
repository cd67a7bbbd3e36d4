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
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
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
