package models

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm"

	"factquiz/internal/testdb"
	"factquiz/questions"
)

// testDB names a new database for a test, removed when it ends: SQLite,
// or PostgreSQL when FACTQUIZ_TEST_POSTGRES names one.
func testDB(t testing.TB) string {
	t.Helper()
	db, drop, err := testdb.New(filepath.Join(t.TempDir(), "sub"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := drop(); err != nil {
			t.Error(err)
		}
	})
	return db
}

// openTest opens a new database for a test.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(testDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// sqliteOnly skips a test of SQLite's own behaviour on PostgreSQL.
func sqliteOnly(t testing.TB, s *Store) {
	t.Helper()
	if s.engine != sqliteEngine {
		t.Skip("a test of SQLite's own behaviour")
	}
}

// importText runs the engine on an article's text and stores what it
// made, as the article form does.
func importText(s *Store, text []byte) (*Article, error) {
	g, err := questions.FromText(context.Background(), &questions.Parser{}, text, questions.Options{Count: -1})
	if err != nil {
		return nil, err
	}
	return s.CreateArticle(g.Article, string(text), g.Questions)
}

func importTest(t testing.TB, s *Store, name string) *Article {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("..", "testdata", "articles", name))
	if err != nil {
		t.Fatal(err)
	}
	a, err := importText(s, text)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestOpenSetsPragmas(t *testing.T) {
	s := openTest(t)
	sqliteOnly(t, s)
	for _, tt := range []struct {
		pragma string
		want   string
	}{{"journal_mode", "wal"}, {"foreign_keys", "1"}, {"synchronous", "2"}, {"busy_timeout", "10000"}} {
		var got string
		if err := s.w.Raw("PRAGMA " + tt.pragma).Scan(&got).Error; err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("PRAGMA %s = %s, want %s", tt.pragma, got, tt.want)
		}
	}
	if err := s.r.Exec("CREATE TABLE x (a)").Error; err == nil {
		t.Error("the read pool can write")
	}
}

func TestImportArticleStoresSectionsAndQuestions(t *testing.T) {
	s := openTest(t)
	a := importTest(t, s, "city_lyon.txt")
	got, err := s.GetArticle(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Lyon" || len(got.Sections) < 4 || got.Sections[0].Title != "" || len(got.Sections[0].Paragraphs) == 0 {
		t.Errorf("article %q with %d sections", got.Title, len(got.Sections))
	}
	qs, err := s.ArticleQuestions(a.ID)
	if err != nil || len(qs) != a.Questions || len(qs) < 20 {
		t.Fatalf("%d questions (%v), want %d", len(qs), err, a.Questions)
	}
	for _, q := range qs {
		eq, err := q.Engine()
		if err != nil {
			t.Fatal(err)
		}
		if !questions.CheckAnswer(eq, eq.Expected()) {
			t.Errorf("stored question %d does not accept its own answer", q.ID)
		}
	}
	if _, err := s.GetArticle(9999); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown article: %v", err)
	}
}

func TestImportArticleRefusesBadText(t *testing.T) {
	s := openTest(t)
	_, err := importText(s, []byte("= T =\n"))
	var pe *questions.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v", err)
	}
	if n, _ := s.ArticleCount(); n != 0 {
		t.Errorf("%d articles stored", n)
	}
}

func TestAttemptLifecycle(t *testing.T) {
	s := openTest(t)
	a := importTest(t, s, "company_nintendo.txt")
	me, other := Owner{GuestToken: "me"}, Owner{GuestToken: "other"}
	v, err := s.StartAttempt(a.ID, 5, me)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Questions) != 5 || v.Attempt.Total != 5 {
		t.Fatalf("%d questions", len(v.Questions))
	}
	types := map[string]int{}
	for _, aq := range v.Questions {
		types[aq.Question.Type]++
	}
	if len(types) < 2 {
		t.Errorf("no mix of types: %v", types)
	}
	if _, err := s.GetAttempt(v.Attempt.ID, other); !errors.Is(err, ErrNotFound) {
		t.Errorf("another guest sees the attempt: %v", err)
	}
	first := v.Questions[0]
	eq, _ := first.Question.Engine()
	if _, err := submit(s, v.Attempt.ID, other, first.QuestionID, given(eq.Expected())); !errors.Is(err, ErrNotFound) {
		t.Errorf("another guest answered: %v", err)
	}
	res, err := submit(s, v.Attempt.ID, me, first.QuestionID, given(eq.Expected()))
	if err != nil || !res.Correct || res.Finished {
		t.Fatalf("first answer: %+v, %v", res, err)
	}
	if _, err := submit(s, v.Attempt.ID, me, first.QuestionID, given(eq.Expected())); !errors.Is(err, ErrAlreadyAnswered) {
		t.Errorf("second answer: %v", err)
	}
	if _, err := submit(s, v.Attempt.ID, me, 999999, given("x")); !errors.Is(err, ErrNotInAttempt) {
		t.Errorf("answer to a question not in the attempt: %v", err)
	}
	for _, aq := range v.Questions[1:] {
		res, err = submit(s, v.Attempt.ID, me, aq.QuestionID, given("surely wrong 12345"))
		if err != nil {
			t.Fatal(err)
		}
	}
	if !res.Finished {
		t.Error("the last answer did not finish the attempt")
	}
	got, _ := s.GetAttempt(v.Attempt.ID, me)
	if got.Attempt.FinishedAt == nil || got.Attempt.Score != got.Correct() || got.Answered() != 5 {
		t.Errorf("finished attempt %+v, %d right of %d", got.Attempt, got.Correct(), got.Answered())
	}
	if _, err := submit(s, v.Attempt.ID, me, first.QuestionID, given("x")); !errors.Is(err, ErrFinished) {
		t.Errorf("answer to a finished attempt: %v", err)
	}
}

func TestStartAttemptLimits(t *testing.T) {
	s := openTest(t)
	a := importTest(t, s, "city_lyon.txt")
	v, err := s.StartAttempt(a.ID, 1000, Owner{GuestToken: "g"})
	if err != nil {
		t.Fatal(err)
	}
	// As many as the pool holds, short of asking one fact twice or a
	// sentence more than twice.
	perSentence, facts := map[string]int{}, map[string]bool{}
	for _, aq := range v.Questions {
		q := aq.Question
		perSentence[q.Source]++
		fact := q.Source + "\x00" + string(q.Answer)
		if perSentence[q.Source] > 2 || facts[fact] && q.Type != "true_false" {
			t.Errorf("question %d asks sentence %q a %d time (answer %s)", q.ID, q.Source, perSentence[q.Source], q.Answer)
		}
		facts[fact] = true
	}
	if len(v.Questions) > min(a.Questions, MaxAttemptSize) || len(v.Questions) < a.Questions/2 {
		t.Errorf("%d questions from a pool of %d", len(v.Questions), a.Questions)
	}
	if _, err := s.StartAttempt(424242, 5, Owner{GuestToken: "g"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown article: %v", err)
	}
	empty, err := s.CreateArticle(&questions.Article{Title: "Empty"}, "= Empty =", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartAttempt(empty.ID, 5, Owner{GuestToken: "g"}); !errors.Is(err, ErrNoQuestions) {
		t.Errorf("article without questions: %v", err)
	}
}

// TestConcurrentAnswersNeverLocked answers 200 questions from 20
// goroutines at once: none may fail with "database is locked".
func TestConcurrentAnswersNeverLocked(t *testing.T) {
	s := openTest(t)
	a := importTest(t, s, "company_nintendo.txt")
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for g := 0; g < 20; g++ {
		owner := Owner{GuestToken: string(rune('a' + g))}
		v, err := s.StartAttempt(a.ID, 10, owner)
		if err != nil {
			t.Fatal(err)
		}
		for _, aq := range v.Questions {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := submit(s, v.Attempt.ID, owner, aq.QuestionID, given("x"))
				errs <- err
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("answer failed: %v", err)
		}
	}
}

// decode turns the question an answer is for into the answer sent, as a
// handler decodes the form.
type decode func(aq *AttemptQuestion) (any, error)

// submit takes an answer through its three steps as a handler does: it
// reads the target, grades the answer with the engine, and records it.
func submit(s *Store, attemptID uint, o Owner, qid uint, d decode) (*AnswerResult, error) {
	aq, err := s.AnswerTarget(attemptID, o, qid)
	if err != nil {
		return nil, err
	}
	given, err := d(aq)
	if err != nil {
		return nil, err
	}
	eq, err := aq.Question.Engine()
	if err != nil {
		return nil, err
	}
	return s.RecordAnswer(aq, o, given, questions.Credit(eq, given))
}

// given prepares a fixed answer.
func given(v any) decode {
	return func(*AttemptQuestion) (any, error) { return v, nil }
}

// TestNewerSchemaRefused: a database a newer factquiz migrated is refused
// with a clear message, and left as it is.
func TestNewerSchemaRefused(t *testing.T) {
	db := testDB(t)
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.w.Model(&SchemaInfo{}).Where("id = 1").Update("version", SchemaVersion+1).Error; err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(db)
	if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), "upgrade factquiz") {
		t.Fatalf("opening a newer schema: %v", err)
	}
}

// TestConcurrentMigrations: instances starting at once on one database
// migrate one at a time, and all open.
func TestConcurrentMigrations(t *testing.T) {
	db := testDB(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(db)
			if err == nil {
				_, err = s.ListArticles()
				s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("instance %d: %v", i, err)
		}
	}
}

// TestImportFirstArticleOnce: instances starting together on a new
// database add the sample article once.
func TestImportFirstArticleOnce(t *testing.T) {
	db := testDB(t)
	text, _ := os.ReadFile(filepath.Join("..", "testdata", "articles", "city_lyon.txt"))
	g, err := questions.FromText(context.Background(), &questions.Parser{}, text, questions.Options{Count: -1})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(db)
			if err != nil {
				t.Error(err)
				return
			}
			defer s.Close()
			if _, err := s.CreateFirstArticle(g.Article, string(text), g.Questions); err != nil && !errors.Is(err, ErrNotEmpty) {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	s, _ := Open(db)
	defer s.Close()
	if n, _ := s.ArticleCount(); n != 1 {
		t.Errorf("%d articles, want the one", n)
	}
}

// TestSchemaIsTheTableList: a new database's tables are exactly those of
// the schema's one list (and the version table), each named as its model
// is, and the backup's report names the tables it always named; the
// database is at the last migration step, and opening it again writes
// nothing.
func TestSchemaIsTheTableList(t *testing.T) {
	db := testDB(t)
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	have, err := s.w.Migrator().GetTables()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"schema_infos"}
	for _, tb := range tables {
		stmt := &gorm.Statement{DB: s.w}
		if err := stmt.Parse(tb.model); err != nil {
			t.Fatal(err)
		}
		if stmt.Schema.Table != tb.name {
			t.Errorf("the list names %s's table %q; its model's is %q", stmt.Schema.Name, tb.name, stmt.Schema.Table)
		}
		want = append(want, tb.name)
	}
	// SQLite's own bookkeeping of AUTOINCREMENT keys is not ours.
	have = slices.DeleteFunc(have, func(name string) bool { return name == "sqlite_sequence" })
	slices.Sort(have)
	slices.Sort(want)
	if !slices.Equal(have, want) {
		t.Errorf("the migrated database has tables %q, the list %q", have, want)
	}
	if got := []string{"articles", "questions", "users", "attempts", "responses", "cards", "review_logs", "quizzes"}; !slices.Equal(BackupTables, got) {
		t.Errorf("the backup reports %q, want %q", BackupTables, got)
	}
	var info SchemaInfo
	if err := s.w.First(&info, 1).Error; err != nil || info.Version != len(migrations) {
		t.Fatalf("schema version %d (%v), want %d steps", info.Version, err, len(migrations))
	}
	s.Close()
	s, err = Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var again SchemaInfo
	if err := s.w.First(&again, 1).Error; err != nil || !again.MigratedAt.Equal(info.MigratedAt) {
		t.Errorf("opening an up-to-date database migrated it again: %v then %v (%v)", info.MigratedAt, again.MigratedAt, err)
	}
}

// TestMigrationStepsRunOnce: a database at an older version gets only the
// steps it has not had, and then the last version.
func TestMigrationStepsRunOnce(t *testing.T) {
	db := testDB(t)
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	saved := migrations
	t.Cleanup(func() { migrations, SchemaVersion = saved, len(saved) })
	migrations = append(slices.Clone(saved), migration{what: "a test step", run: func(tx *gorm.DB) error { ran++; return nil }})
	SchemaVersion = len(migrations)
	s.Close()
	for range 2 {
		s, err = Open(db)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	if ran != 1 {
		t.Errorf("the new step ran %d times on two opens, want once", ran)
	}
}
