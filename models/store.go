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
	"strings"
	"time"

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
	w       *gorm.DB  // the single writer connection
	r       *gorm.DB  // read-only connections
	current *sql.Stmt // currentQuestionSQL
	target  *sql.Stmt // answerTargetSQL
	engine  engine
	commits *committer // writes answers and ratings in groups
}

// Open opens the database a -db value names, creating and migrating it if
// need be: a postgres:// (or postgresql://) URL means PostgreSQL, anything
// else is the path of a SQLite file.
func Open(db string) (*Store, error) {
	if isPostgresURL(db) {
		return openPostgres(db)
	}
	return openSQLite(db)
}

// openSQLite opens (creating if need be) the SQLite database at path.
func openSQLite(path string) (*Store, error) {
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
	// Switching a new file to WAL needs a lock that SQLite does not wait
	// for: processes opening one new database at once try again.
	var w *gorm.DB
	var err error
	for try := 0; ; try++ {
		w, err = gorm.Open(sqlite.Open("file:"+path+"?"+wq.Encode()), cfg)
		if err == nil || try == 50 || !strings.Contains(err.Error(), "database is locked") {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	wdb, err := w.DB()
	if err != nil {
		return nil, err
	}
	wdb.SetMaxOpenConns(1)
	s := &Store{w: w, engine: sqliteEngine}
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
	if err := s.prepare(rdb); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// prepare readies the statements the hottest pages run, and starts the
// group committer.
func (s *Store) prepare(db *sql.DB) (err error) {
	if s.commits, err = newCommitter(s.w, s.engine, s.engine.answerStatements()); err != nil {
		return err
	}
	if s.current, err = db.Prepare(s.engine.rebind(currentQuestionSQL)); err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	if s.target, err = db.Prepare(s.engine.rebind(answerTargetSQL)); err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	return nil
}

// Close closes the database, checkpointing the WAL into the main file.
func (s *Store) Close() error {
	var errs []error
	if s.commits != nil {
		// Writes already sent are committed before the connections close.
		s.commits.close()
	}
	for _, st := range []*sql.Stmt{s.current, s.target} {
		if st != nil {
			errs = append(errs, st.Close())
		}
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
