package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factquiz/models"
	"factquiz/questions/formats"
)

// giftFile writes a GIFT file of n true-or-false questions and returns
// its path.
func giftFile(t *testing.T, name string, n int) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Statement %d is true. {T}\n\n", i+1)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImportQuestionsLimit: import-questions takes at most
// formats.MaxImportQuestions questions a file, as the import page does;
// a file of more is refused whole, with its name, its count and the
// limit, and the other files are imported.
func TestImportQuestionsLimit(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bank.db")
	if _, errOut, status := runCLI(t, "import", "-db", db, filepath.Join("testdata", "articles", "city_lyon.txt")); status != 0 {
		t.Fatalf("import: status %d\n%s", status, errOut)
	}
	big, small := giftFile(t, "big.gift", formats.MaxImportQuestions+1), giftFile(t, "small.gift", 2)
	out, errOut, status := runCLI(t, "import-questions", "-db", db, "-article", "1", big, small)
	if status != 1 {
		t.Errorf("status %d, want 1 (one file was refused)", status)
	}
	want := big + ": the file has 1001 questions: at most 1000 can be imported at once, so none was stored; split it into smaller files"
	if !strings.Contains(errOut, want) {
		t.Errorf("stderr lacks %q:\n%s", want, errOut)
	}
	if !strings.Contains(out, small+": added 2 questions, 0 left out") || strings.Contains(out, big) {
		t.Errorf("stdout:\n%s", out)
	}

	exact := giftFile(t, "exact.gift", formats.MaxImportQuestions)
	out, errOut, status = runCLI(t, "import-questions", "-db", db, "-article", "1", "-dry-run", exact)
	if status != 0 || !strings.Contains(out, exact+": would add 1000 questions, 0 left out") {
		t.Errorf("a file at the limit: status %d\n%s%s", status, out, errOut)
	}
	if _, errOut, _ = runCLI(t, "import-questions", "-db", db, "-article", "1", "-dry-run", big); !strings.Contains(errOut, want) {
		t.Errorf("a dry run of a file over the limit: stderr lacks %q:\n%s", want, errOut)
	}

	store, err := models.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	p, err := store.ListQuestions(models.BankFilter{Origin: models.OriginImported})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 2 {
		t.Errorf("%d questions imported, want the 2 of %s", p.Total, small)
	}
}
