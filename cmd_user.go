package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"factquiz/models"
)

// userCommand manages accounts from the command line: it is how the first
// admin is made, and how a forgotten password is reset.
func userCommand(fs *flag.FlagSet, stdin io.Reader, stdout, stderr io.Writer) func([]string) int {
	dbPath := dbFlag(fs)
	email := fs.String("email", "", "the account's email address")
	name := fs.String("name", "", "the name shown for the account (default: the part of the address before @)")
	role := fs.String("role", models.RoleLearner, "learner, instructor or admin")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage:")
		fmt.Fprintln(fs.Output(), "  factquiz user add -email E [-name N] [-role learner|instructor|admin]")
		fmt.Fprintln(fs.Output(), "  factquiz user list")
		fmt.Fprintln(fs.Output(), "  factquiz user passwd -email E")
		fmt.Fprintln(fs.Output(), "\nThe password is read from standard input (its first line), or asked for\nwhen standard input is a terminal. Web sign-up makes learners; use this\nto make the first admin.")
		fs.PrintDefaults()
	}
	return func(args []string) int {
		if len(args) == 0 {
			fs.Usage()
			return 2
		}
		action := args[0]
		// Flags may come after the action too: "user add -email E".
		if err := fs.Parse(args[1:]); err != nil {
			return 2
		}
		if fs.NArg() > 0 {
			fmt.Fprintf(stderr, "factquiz user: unexpected argument %q\n", fs.Arg(0))
			return 2
		}
		switch action {
		case "add", "passwd":
			if *email == "" {
				fmt.Fprintf(stderr, "factquiz user %s: give the account's address with -email\n", action)
				return 2
			}
		case "list":
		default:
			fmt.Fprintf(stderr, "factquiz user: unknown action %q: use add, list or passwd\n", action)
			return 2
		}
		store, ok := openStore("user", *dbPath, stderr)
		if !ok {
			return 1
		}
		defer store.Close()
		var err error
		switch action {
		case "list":
			err = listUsers(store, stdout)
		case "add":
			err = addUser(store, stdin, stdout, stderr, models.NewUser{Email: *email, Name: *name, Role: *role})
		case "passwd":
			err = resetPassword(store, stdin, stdout, stderr, *email)
		}
		if err != nil {
			fmt.Fprintf(stderr, "factquiz user %s: %v\n", action, err)
			return 1
		}
		return 0
	}
}

func addUser(store *models.Store, stdin io.Reader, stdout, stderr io.Writer, n models.NewUser) error {
	if !models.ValidRole(n.Role) {
		return fmt.Errorf("unknown role %q: use learner, instructor or admin", n.Role)
	}
	password, err := readPassword(stdin, stderr)
	if err != nil {
		return err
	}
	n.Password = password
	u, err := store.CreateUser(n)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "added %s %s (id %d)\n", u.Role, u.Email, u.ID)
	return nil
}

func resetPassword(store *models.Store, stdin io.Reader, stdout, stderr io.Writer, email string) error {
	u, err := store.UserByEmail(email)
	if errors.Is(err, models.ErrNotFound) {
		return fmt.Errorf("no account has the address %s", models.NormalizeEmail(email))
	}
	if err != nil {
		return err
	}
	password, err := readPassword(stdin, stderr)
	if err != nil {
		return err
	}
	if err := store.SetPassword(u.ID, password); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "set a new password for %s; every browser signed in to it was logged out\n", u.Email)
	return nil
}

func listUsers(store *models.Store, stdout io.Writer) error {
	us, err := store.ListUsers()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tEMAIL\tNAME\tROLE\tCREATED")
	for _, u := range us {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", u.ID, u.Email, u.Name, u.Role, u.CreatedAt.Format("2006-01-02"))
	}
	return tw.Flush()
}

// readPassword asks for a password twice, without echo, on a terminal;
// otherwise it reads the first line of stdin, so that scripts can pipe it.
func readPassword(stdin io.Reader, stderr io.Writer) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(stderr, "Password: ")
		first, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", err
		}
		fmt.Fprint(stderr, "Password again: ")
		second, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", err
		}
		if string(first) != string(second) {
			return "", errors.New("the two passwords differ; nothing was changed")
		}
		return string(first), nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("no password: pipe it on standard input, e.g. echo 'a long password' | factquiz user add -email ...")
	}
	return line, nil
}
