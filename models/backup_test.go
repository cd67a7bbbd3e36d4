package models

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
)

// openBackupTest opens a SQLite store for a backup test; backups are of
// SQLite files only.
func openBackupTest(t *testing.T) *Store {
	t.Helper()
	s := openTest(t)
	if s.w.Dialector.Name() != "sqlite" {
		t.Skip("backups are of SQLite files")
	}
	return s
}

// rowCounts counts the rows of BackupTables through the store's readers.
func rowCounts(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, table := range BackupTables {
		var n int64
		if err := s.r.Table(table).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

// tableNames lists the tables of a SQLite file, read-only.
func tableNames(t *testing.T, path string) map[string]bool {
	t.Helper()
	db, err := openReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT name FROM sqlite_master WHERE type = 'table'")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	names := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		names[name] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}

// writeWhileBackingUp keeps learners answering and an instructor importing
// articles until stop is closed; each writer has written once before it
// returns, so the writes overlap what follows.
func writeWhileBackingUp(t *testing.T, s *Store, a *Article, stop <-chan struct{}) (wait func() error, writes *atomic.Int64) {
	t.Helper()
	writes = new(atomic.Int64)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	started := make(chan struct{}, 8)
	writers := 0
	for g := range 4 {
		writers++
		wg.Add(1)
		go func() {
			defer wg.Done()
			owner := Owner{GuestToken: fmt.Sprintf("writer-%d", g)}
			for first := true; ; first = false {
				if err := answerOnce(s, a.ID, owner, writes); err != nil {
					errs <- err
					return
				}
				if first {
					started <- struct{}{}
				}
				select {
				case <-stop:
					return
				default:
				}
			}
		}()
	}
	text, err := os.ReadFile(filepath.Join("..", "testdata", "articles", "river_danube.txt"))
	if err != nil {
		t.Fatal(err)
	}
	writers++
	wg.Add(1)
	go func() {
		defer wg.Done()
		for first := true; ; first = false {
			if _, err := importText(s, text); err != nil {
				errs <- err
				return
			}
			writes.Add(1)
			if first {
				started <- struct{}{}
			}
			select {
			case <-stop:
				return
			default:
			}
		}
	}()
	for range writers {
		select {
		case <-started:
		case err := <-errs:
			t.Fatal(err)
		}
	}
	return func() error {
		wg.Wait()
		close(errs)
		return <-errs
	}, writes
}

// answerOnce takes a short quiz and answers it.
func answerOnce(s *Store, articleID uint, owner Owner, writes *atomic.Int64) error {
	v, err := s.StartAttempt(articleID, 3, owner)
	if err != nil {
		return err
	}
	for _, aq := range v.Questions {
		if _, err := submit(s, v.Attempt.ID, owner, aq.QuestionID, given("x")); err != nil {
			return err
		}
		writes.Add(1)
	}
	return nil
}

func TestBackupWhileWriting(t *testing.T) {
	s := openBackupTest(t)
	a := importTest(t, s, "company_nintendo.txt")
	stop := make(chan struct{})
	wait, writes := writeWhileBackingUp(t, s, a, stop)
	atStart := rowCounts(t, s)
	writesAtStart := writes.Load()
	target := filepath.Join(t.TempDir(), "backup.db")
	info, err := s.Backup(context.Background(), target)
	close(stop)
	if werr := wait(); werr != nil {
		t.Errorf("a writer failed: %v", werr)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d writes during the backup; %d bytes", writes.Load()-writesAtStart, info.Bytes)
	if info.Path != target || info.Bytes == 0 || info.SourceBytes == 0 || len(info.Rows) != len(BackupTables) {
		t.Errorf("info %+v", info)
	}

	source, err := s.sourcePath(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want, got := tableNames(t, source), tableNames(t, target)
	for name := range want {
		if !got[name] {
			t.Errorf("the backup lacks the table %s", name)
		}
	}
	for _, r := range info.Rows {
		if r.Rows < atStart[r.Table] {
			t.Errorf("%s: %d rows in the backup, %d when it began", r.Table, r.Rows, atStart[r.Table])
		}
	}
	if info.Rows[0].Rows < 2 || info.Rows[1].Rows == 0 {
		t.Errorf("rows %+v", info.Rows)
	}

	copied, err := Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	var check string
	if err := copied.r.Raw("PRAGMA integrity_check").Scan(&check).Error; err != nil || check != "ok" {
		t.Errorf("integrity_check of the backup: %q, %v", check, err)
	}
	for table, n := range rowCounts(t, copied) {
		if n < atStart[table] {
			t.Errorf("%s: %d rows in the opened backup, %d when it began", table, n, atStart[table])
		}
	}
	arts, err := copied.ListArticles()
	if err != nil || len(arts) < 2 {
		t.Errorf("ListArticles on the backup: %d articles, %v", len(arts), err)
	}
}

func TestBackupRefusesExistingFile(t *testing.T) {
	s := openBackupTest(t)
	importTest(t, s, "city_lyon.txt")
	dir := t.TempDir()
	target := filepath.Join(dir, "taken.db")
	if err := os.WriteFile(target, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := s.Backup(context.Background(), target)
	if !errors.Is(err, ErrBackupExists) || err.Error() != target+" exists; choose a new name" {
		t.Fatalf("err = %v", err)
	}
	if data, _ := os.ReadFile(target); string(data) != "keep me" {
		t.Errorf("the existing file was changed: %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
}

func TestBackupOddNames(t *testing.T) {
	s := openBackupTest(t)
	importTest(t, s, "city_lyon.txt")
	for _, name := range []string{"it's.db", `a "b" 'c'; DROP TABLE users;--.db`, "what?#50%.db", "sp ace.db"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, name)
			info, err := s.Backup(context.Background(), target)
			if err != nil {
				t.Fatal(err)
			}
			if info.Rows[0].Rows != 1 {
				t.Errorf("rows %+v", info.Rows)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 || entries[0].Name() != name {
				t.Errorf("the folder holds %v, want only %q", entries, name)
			}
		})
	}
	if n, err := s.ArticleCount(); err != nil || n != 1 {
		t.Errorf("the store after odd names: %d articles, %v", n, err)
	}
}
