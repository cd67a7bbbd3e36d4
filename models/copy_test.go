package models

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"gorm.io/gorm"

	"factquiz/srs"
)

// populate fills a store with some of everything.
func populate(t *testing.T, s *Store) {
	t.Helper()
	a := importTest(t, s, "city_lyon.txt")
	ann, _ := s.CreateUser(NewUser{Email: "ann@example.com", Password: "long enough"})
	s.CreateUser(NewUser{Email: "boss@example.com", Password: "long enough", Role: RoleAdmin})
	s.CreateSession(ann.ID)
	s.CreateAPIToken(ann.ID, "script")
	me := Owner{UserID: ann.ID}
	s.AddDeck(ann.ID, a.ID, time.Now())
	v, _ := s.StartAttempt(a.ID, 5, me)
	answerAll(t, s, v, me, func(pos int) bool { return pos%2 == 0 })
	z, _ := s.CreateQuiz(ann.ID, QuizSettings{Name: "Quiz"})
	s.AddQuizQuestions(z.ID, []uint{v.Questions[0].QuestionID})
	if c, err := s.NextCard(ann.ID, time.Now()); err == nil && c != nil {
		s.RateCard(ann.ID, c.ID, srs.Good, time.Now())
	}
	s.KV("login").Set("ip:1", []byte("3"), time.Hour)
}

func TestCopyTo(t *testing.T) {
	src, err := Open(filepath.Join(t.TempDir(), "from.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	populate(t, src)
	dst := openTest(t) // PostgreSQL when FACTQUIZ_TEST_POSTGRES is set
	var seen []string
	counts, err := src.CopyTo(dst, false, func(table string, done, total int64) { seen = append(seen, table) })
	if err != nil {
		t.Fatal(err)
	}
	want, _ := src.TableCounts()
	got, _ := dst.TableCounts()
	for i := range want {
		if got[i] != want[i] || counts[i] != want[i] {
			t.Errorf("%s: copied %d, target has %d, source %d", want[i].Table, counts[i].Rows, got[i].Rows, want[i].Rows)
		}
	}
	if len(seen) == 0 {
		t.Error("no progress reported")
	}
	// Every row of every table is the same.
	for _, tab := range tables {
		if a, b := dump(t, src.r, tab.name), dump(t, dst.r, tab.name); a != b {
			t.Errorf("%s differs:\nsource %.300s\ntarget %.300s", tab.name, a, b)
		}
	}
	// The target goes on working: new rows get new ids.
	if _, err := dst.CreateUser(NewUser{Email: "new@example.com", Password: "long enough"}); err != nil {
		t.Errorf("a new account on the copy: %v", err)
	}
	// A second copy is refused unless asked to replace.
	if _, err := src.CopyTo(dst, false, nil); !errors.Is(err, ErrTargetNotEmpty) {
		t.Errorf("copy into a non-empty target: %v", err)
	}
	if _, err := src.CopyTo(dst, true, nil); err != nil {
		t.Errorf("copy with replace: %v", err)
	}
	if got, _ := dst.TableCounts(); got[0] != want[0] {
		t.Errorf("after replacing: %v users, want %v", got[0], want[0])
	}
}

// dump writes a table's rows as JSON, by id, with times in UTC, for
// comparing two databases.
func dump(t *testing.T, db *gorm.DB, table string) string {
	t.Helper()
	var rows []map[string]any
	order := "id"
	if table == "sessions" || table == "kv_entries" {
		order = map[string]string{"sessions": "id", "kv_entries": "key"}[table]
	}
	if err := db.Table(table).Order(order).Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		for k, v := range r {
			switch x := v.(type) {
			case time.Time:
				r[k] = x.UTC().Truncate(time.Microsecond).Format(time.RFC3339Nano) // PostgreSQL keeps microseconds
			case []byte:
				r[k] = string(x)
			case bool:
				r[k] = map[bool]int{true: 1, false: 0}[x]
			case int32:
				r[k] = int64(x)
			}
		}
	}
	b, _ := json.Marshal(rows)
	return string(b)
}
