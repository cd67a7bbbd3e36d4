package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factquiz/internal/testdb"
	"factquiz/models"
)

func runCLI(t *testing.T, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	return runCLIInput(t, "", args...)
}

// runCLIInput runs a command line with input as its standard input.
func runCLIInput(t *testing.T, input string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = run(args, strings.NewReader(input), &out, &errOut)
	return out.String(), errOut.String(), status
}

func TestGenerateJSON(t *testing.T) {
	article := filepath.Join("testdata", "articles", "city_lyon.txt")
	out, errOut, status := runCLI(t, "generate", "-n", "12", "-format", "json", article)
	if status != 0 {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	var res struct {
		Title string `json:"title"`
		Facts []struct {
			Kind, Text, Sentence string
		} `json:"facts"`
		Questions []map[string]any `json:"questions"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if res.Title != "Lyon" || len(res.Questions) != 12 || len(res.Facts) == 0 {
		t.Fatalf("title %q, %d questions, %d facts", res.Title, len(res.Questions), len(res.Facts))
	}
	for _, q := range res.Questions {
		for _, key := range []string{"id", "type", "prompt", "answer", "source", "section", "kind", "score"} {
			if _, ok := q[key]; !ok {
				t.Errorf("question lacks %q: %v", key, q)
			}
		}
		switch q["type"] {
		case "true_false":
			if _, ok := q["answer"].(bool); !ok {
				t.Errorf("true_false answer is not a boolean: %v", q["answer"])
			}
		case "ordering", "matching":
			if _, ok := q["answer"].([]any); !ok {
				t.Errorf("%s answer is not a list: %v", q["type"], q["answer"])
			}
		default:
			if _, ok := q["answer"].(string); !ok {
				t.Errorf("%s answer is not a string: %v", q["type"], q["answer"])
			}
		}
	}
}

func TestGenerateText(t *testing.T) {
	out, _, status := runCLI(t, "generate", "-n", "3", filepath.Join("testdata", "articles", "company_nintendo.txt"))
	if status != 0 || !strings.HasPrefix(out, "# Nintendo") || !strings.Contains(out, "Answer: ") || !strings.Contains(out, "Source: ") {
		t.Fatalf("status %d, output:\n%s", status, out)
	}
}

func TestGenerateBadFilesReportedOthersProcessed(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	binary := filepath.Join(dir, "binary.txt")
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(binary, []byte("= T =\n\nText\x00more."), 0o644)
	os.WriteFile(big, bytes.Repeat([]byte("Words here. "), 200), 0o644)
	good := filepath.Join("testdata", "articles", "city_lyon.txt")
	out, errOut, status := runCLI(t, "generate", "-max-bytes", "1000", "-n", "2", empty, filepath.Join(dir, "missing.txt"), good, binary, big)
	if status != 1 {
		t.Errorf("status = %d, want 1", status)
	}
	// -max-bytes 1000 also rejects the good article: it is over 1000 bytes.
	for _, want := range []string{"empty.txt: line 1: the article is empty", "missing.txt: open", "binary.txt: line 3: the article is not text", "big.txt: the article is too large (2400 bytes; the limit is 1000 bytes)", "city_lyon.txt: the article is too large"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if out != "" {
		t.Errorf("nothing should print: %s", out)
	}
	out, _, status = runCLI(t, "generate", "-n", "2", empty, good)
	if status != 1 || !strings.Contains(out, "# Lyon") {
		t.Errorf("the good file after a bad one was not processed (status %d):\n%s", status, out)
	}
}

func TestHelpAndUsageErrors(t *testing.T) {
	out, _, status := runCLI(t, "help")
	if status != 0 || !strings.Contains(out, "generate") || !strings.Contains(out, "serve") {
		t.Errorf("help: status %d\n%s", status, out)
	}
	_, errOut, status := runCLI(t, "generate", "-h")
	if status != 0 || !strings.Contains(errOut, "-format") || !strings.Contains(errOut, "-n") {
		t.Errorf("generate -h: status %d\n%s", status, errOut)
	}
	_, errOut, status = runCLI(t, "help", "generate")
	if status != 0 || !strings.Contains(errOut, "-max-bytes") {
		t.Errorf("help generate: status %d\n%s", status, errOut)
	}
	for _, args := range [][]string{{"bogus"}, {"generate"}, {"generate", "-format", "xml", "x"}, {"generate", "-n"}, {"generate", "-max-bytes", "0", "x"}} {
		if _, _, status := runCLI(t, args...); status != 2 {
			t.Errorf("%q: status %d, want 2", args, status)
		}
	}
}

func TestImportCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "import.db")
	bad := filepath.Join(t.TempDir(), "bad.txt")
	os.WriteFile(bad, []byte("= Only a title =\n"), 0o644)
	good := []string{filepath.Join("testdata", "articles", "city_lyon.txt"), filepath.Join("testdata", "articles", "company_nintendo.txt")}
	out, errOut, status := runCLI(t, "import", "-db", db, good[0], bad, good[1])
	if status != 1 {
		t.Errorf("status %d, want 1 (one file was bad)", status)
	}
	for _, want := range []string{`[1/3] testdata/articles/city_lyon.txt: added "Lyon" (id 1) with`, `[3/3] testdata/articles/company_nintendo.txt: added "Nintendo" (id 2) with`} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "[2/3] "+bad+": line 1: the article has no sentences to ask about") {
		t.Errorf("stderr: %s", errOut)
	}
	if _, _, status := runCLI(t, "import", "-db", db); status != 2 {
		t.Errorf("import without files: status %d", status)
	}
}

func TestUserCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "users.db")
	out, errOut, status := runCLIInput(t, "a long password\n", "user", "add", "-db", db, "-email", "Boss@Example.com", "-role", "admin")
	if status != 0 || !strings.Contains(out, "added admin boss@example.com") {
		t.Fatalf("user add: status %d, out %q, err %q", status, out, errOut)
	}
	_, errOut, status = runCLIInput(t, "short\n", "user", "add", "-db", db, "-email", "t@example.com", "-role", "instructor")
	if status != 1 || !strings.Contains(errOut, "at least 8 characters") {
		t.Errorf("a short password: status %d, err %q", status, errOut)
	}
	_, errOut, status = runCLIInput(t, "a long password\n", "user", "add", "-db", db, "-email", "t@example.com", "-role", "owner")
	if status != 1 || !strings.Contains(errOut, `unknown role "owner"`) {
		t.Errorf("an unknown role: status %d, err %q", status, errOut)
	}
	_, errOut, status = runCLIInput(t, "", "user", "add", "-db", db, "-email", "t@example.com")
	if status != 1 || !strings.Contains(errOut, "no password") {
		t.Errorf("no password: status %d, err %q", status, errOut)
	}
	_, errOut, status = runCLI(t, "user", "add", "-db", db)
	if status != 2 || !strings.Contains(errOut, "-email") {
		t.Errorf("no address: status %d, err %q", status, errOut)
	}
	_, errOut, status = runCLI(t, "user", "remove", "-db", db)
	if status != 2 || !strings.Contains(errOut, "unknown action") {
		t.Errorf("unknown action: status %d, err %q", status, errOut)
	}
	out, _, status = runCLIInput(t, "another password\r\n", "user", "passwd", "-db", db, "-email", "boss@example.com")
	if status != 0 || !strings.Contains(out, "new password for boss@example.com") {
		t.Errorf("user passwd: status %d, out %q", status, out)
	}
	_, errOut, status = runCLIInput(t, "another password\n", "user", "passwd", "-db", db, "-email", "nobody@example.com")
	if status != 1 || !strings.Contains(errOut, "no account") {
		t.Errorf("passwd for nobody: status %d, err %q", status, errOut)
	}
	out, _, status = runCLI(t, "user", "list", "-db", db)
	if status != 0 || !strings.Contains(out, "boss@example.com") || !strings.Contains(out, "admin") || strings.Contains(out, "t@example.com") {
		t.Errorf("user list: status %d\n%s", status, out)
	}

	store, err := models.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := store.Authenticate("boss@example.com", "another password"); err != nil {
		t.Errorf("the new password does not work: %v", err)
	}
}

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	if _, errOut, status := runCLI(t, "import", "-db", db, filepath.Join("testdata", "articles", "city_lyon.txt")); status != 0 {
		t.Fatalf("import: status %d, %s", status, errOut)
	}
	backup := filepath.Join(dir, "backups", "it's a backup.db")
	if err := os.Mkdir(filepath.Dir(backup), 0o755); err != nil {
		t.Fatal(err)
	}
	out, errOut, status := runCLI(t, "backup", "-db", db, backup)
	if status != 0 {
		t.Fatalf("backup: status %d, err %q", status, errOut)
	}
	for _, want := range []string{"backing up " + db + " to " + backup, "articles 1, questions ", "integrity ok"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(backup); err != nil {
		t.Errorf("no backup file: %v", err)
	}

	_, errOut, status = runCLI(t, "backup", "-db", db, backup)
	if status == 0 || !strings.Contains(errOut, "backup: "+backup+" exists; choose a new name") {
		t.Errorf("a second backup to the same file: status %d, err %q", status, errOut)
	}
	_, errOut, status = runCLI(t, "backup", "-db", "postgres://quiz@localhost/quiz", filepath.Join(dir, "pg.db"))
	if status != 2 || !strings.Contains(errOut, "backup: factquiz backs up SQLite files; for PostgreSQL use pg_dump (see docs/operations.md, Backups)") {
		t.Errorf("postgres: status %d, err %q", status, errOut)
	}
	_, errOut, status = runCLI(t, "backup", "-db", filepath.Join(dir, "missing.db"), filepath.Join(dir, "m.db"))
	if status != 1 || !strings.Contains(errOut, "no database to back up") {
		t.Errorf("a missing database: status %d, err %q", status, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("backing up a missing database created it")
	}
	if _, _, status := runCLI(t, "backup", "-db", db); status != 2 {
		t.Errorf("no file named: status %d", status)
	}
}

func TestMigrateDataCommand(t *testing.T) {
	dir := t.TempDir()
	from := filepath.Join(dir, "from.db")
	if _, errOut, status := runCLI(t, "import", "-db", from, filepath.Join("testdata", "articles", "city_lyon.txt")); status != 0 {
		t.Fatalf("import: %s", errOut)
	}
	runCLIInput(t, "a long password\n", "user", "add", "-db", from, "-email", "boss@example.com", "-role", "admin")
	to, drop, err := testdb.New(filepath.Join(dir, "to"))
	if err != nil {
		t.Fatal(err)
	}
	defer drop()
	out, errOut, status := runCLI(t, "migrate-data", "-from", from, "-to", to)
	if status != 0 || !strings.Contains(out, "questions") || !strings.Contains(errOut, "[##############################]") {
		t.Fatalf("migrate-data: status %d\n%s\n%s", status, out, errOut)
	}
	store, err := models.Open(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Authenticate("boss@example.com", "a long password"); err != nil {
		t.Errorf("the admin cannot log in on the copy: %v", err)
	}
	store.Close()
	_, errOut, status = runCLI(t, "migrate-data", "-from", from, "-to", to)
	if status != 2 || !strings.Contains(errOut, "already has data") {
		t.Errorf("a second copy: status %d, %s", status, errOut)
	}
	if _, _, status := runCLI(t, "migrate-data", "-from", from, "-to", to, "-force"); status != 0 {
		t.Errorf("-force: status %d", status)
	}
	if _, errOut, status := runCLI(t, "migrate-data", "-from", filepath.Join(dir, "none.db"), "-to", to); status != 1 || !strings.Contains(errOut, "no such file") {
		t.Errorf("a missing source: status %d, %s", status, errOut)
	}
}
