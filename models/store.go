// Package models is factquiz's storage: the GORM models, opening and
// migrating the database, and every query the server makes.
//
// SQLite is the default engine. The store opens it twice: one connection
// for writes, so that writers queue in Go rather than fail with "database
// is locked", and a small pool of read-only connections that WAL mode lets
// run beside the writer.
package models

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Errors the store returns; handlers map them to HTTP statuses in one
// place.
var (
	ErrNotFound        = errors.New("not found")
	ErrAlreadyAnswered = errors.New("this question has already been answered in this attempt")
	ErrFinished        = errors.New("this attempt is finished")
	ErrNotInAttempt    = errors.New("that question is not part of this attempt")
	ErrNoQuestions     = errors.New("this article has no questions to ask")
)

// Store owns the database.
type Store struct {
	w       *gorm.DB // the single writer connection
	r       *gorm.DB // read-only connections
	current *sql.Stmt
}

// Open opens (creating if need be) the SQLite database at path and
// migrates it.
func Open(path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("database folder: %w", err)
		}
	}
	cfg := &gorm.Config{Logger: logger.Discard, PrepareStmt: true, SkipDefaultTransaction: true}
	// WAL lets readers run beside the writer; synchronous=FULL makes every
	// acknowledged commit durable; BEGIN IMMEDIATE takes the write lock at
	// the start of a transaction, so busy_timeout applies instead of a
	// deadlock error.
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "on")
	q.Set("_synchronous", "FULL")
	wq := url.Values{}
	for k, v := range q {
		wq[k] = v
	}
	wq.Set("_txlock", "immediate")
	w, err := gorm.Open(sqlite.Open("file:"+path+"?"+wq.Encode()), cfg)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	wdb, err := w.DB()
	if err != nil {
		return nil, err
	}
	wdb.SetMaxOpenConns(1)
	s := &Store{w: w}
	if err := s.migrate(); err != nil {
		wdb.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	q.Set("_query_only", "1")
	r, err := gorm.Open(sqlite.Open("file:"+path+"?"+q.Encode()), cfg)
	if err != nil {
		wdb.Close()
		return nil, fmt.Errorf("open database %s for reading: %w", path, err)
	}
	rdb, err := r.DB()
	if err != nil {
		return nil, err
	}
	rdb.SetMaxOpenConns(max(4, runtime.NumCPU()*2))
	s.r = r
	if s.current, err = rdb.Prepare(currentQuestionSQL); err != nil {
		s.Close()
		return nil, fmt.Errorf("prepare: %w", err)
	}
	return s, nil
}

// migrate brings the schema up to date. AutoMigrate only adds tables,
// columns and indexes, so it is safe to run at every start.
func (s *Store) migrate() error {
	if err := s.autoMigrate(); err != nil {
		return err
	}
	// Answers stored before partial credit existed earn their full mark;
	// the statements change nothing once that is so.
	return s.w.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("UPDATE responses SET credit = 1 WHERE correct AND credit = 0").Error; err != nil {
			return err
		}
		return tx.Exec("UPDATE attempts SET marks = score WHERE marks = 0 AND score > 0").Error
	})
}

func (s *Store) autoMigrate() error {
	return s.w.AutoMigrate(&Article{}, &Section{}, &Question{}, &Quiz{}, &Attempt{}, &AttemptQuestion{}, &Response{},
		&User{}, &Session{}, &APIToken{}, &Card{}, &ReviewLog{}, &QuizQuestion{}, &Contest{})
}

// Close closes the database, checkpointing the WAL into the main file.
func (s *Store) Close() error {
	var errs []error
	if s.current != nil {
		errs = append(errs, s.current.Close())
	}
	for _, db := range []*gorm.DB{s.r, s.w} {
		if db == nil {
			continue
		}
		if sqlDB, err := db.DB(); err == nil {
			errs = append(errs, sqlDB.Close())
		}
	}
	return errors.Join(errs...)
}
