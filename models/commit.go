package models

import (
	"cmp"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"strings"
	"sync"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"
)

// Group commit. A learner's answer is acknowledged only once it is on
// disk, and a durable commit costs a flush to the disk (SQLite with
// synchronous=FULL, PostgreSQL with synchronous_commit on). Answers and
// flashcard ratings that arrive together are therefore written together:
// one goroutine takes every write waiting at that moment, up to
// maxBatch, runs them in one transaction, commits once, and only then
// tells each caller its own outcome. While one batch is
// being flushed the next one gathers, so under load a flush serves many
// answers, and an answer alone is written at once.

// maxBatch bounds a batch, so that no answer waits behind an unbounded
// number of others.
const maxBatch = 256

// ErrUnavailable marks a write the database could not take: the disk is
// full, the file cannot be written, or PostgreSQL is down. Nothing of it
// was stored, and sending it again later may succeed.
var ErrUnavailable = errors.New("the database could not save this")

// writeJob is one caller's write: run does its work in the batch's
// transaction and returns its result; the result, or the error of the job
// or of the commit, comes back on done once the batch is committed.
type writeJob struct {
	// key orders the jobs of a batch (an attempt's or a card's id), so
	// that two instances' batches take their row locks in one order.
	key  uint
	run  func(tx *writeTx) (any, error)
	done chan outcome
}

// outcome is what a job's caller gets back: the job's result, kept only
// if it was committed, or why not.
type outcome struct {
	result any
	err    error
}

// safeRun runs the job, turning a panic into its error: the committer
// serves every request, so one job's bug must not stop it.
func (j *writeJob) safeRun(tx *writeTx) (o outcome) {
	defer func() {
		if p := recover(); p != nil {
			o = outcome{err: fmt.Errorf("write failed: %v", p)}
		}
	}()
	v, err := j.run(tx)
	return outcome{v, err}
}

// writeTx is the transaction a job runs in. Its exec and queryRow run
// statements prepared once for the life of the store, which is most of
// what makes a batched answer cheap; orm gives GORM for the rarer writes.
type writeTx struct {
	c   *committer
	sql *sql.Tx
	g   *gorm.DB
	// dirty says the running job has changed something: a statement
	// of exec's changed rows, or it used orm.
	dirty bool
}

func (t *writeTx) exec(query string, args ...any) (res sql.Result, err error) {
	if stmt, ok := t.c.stmt(query); ok {
		res, err = t.sql.Stmt(stmt).Exec(args...)
	} else {
		res, err = t.sql.Exec(t.c.engine.rebind(query), args...)
	}
	if err != nil {
		// A failed statement may have broken the transaction
		// (PostgreSQL's are then aborted).
		t.dirty = true
		return nil, err
	}
	if n, _ := res.RowsAffected(); n > 0 {
		t.dirty = true
	}
	return res, nil
}

func (t *writeTx) queryRow(query string, args ...any) *sql.Row {
	if stmt, ok := t.c.stmt(query); ok {
		return t.sql.Stmt(stmt).QueryRow(args...)
	}
	return t.sql.QueryRow(t.c.engine.rebind(query), args...)
}

// orm is the transaction as GORM, for writes through models.
func (t *writeTx) orm() *gorm.DB {
	t.dirty = true
	return t.g
}

// committer is the goroutine that writes batches.
type committer struct {
	db     *gorm.DB
	sqlDB  *sql.DB
	engine engine
	// stmts holds the statements prepared on sqlDB, by their text (with
	// ? placeholders); only the loop's goroutine uses it.
	stmts map[string]*sql.Stmt
	jobs  chan *writeJob
	quit  chan struct{}
	wg    sync.WaitGroup

	// mu guards stopped: writers hold it shared while they send, close
	// holds it alone, so no job is sent after the loop has drained.
	mu      sync.RWMutex
	stopped bool

	statsMu sync.Mutex
	stats   CommitStats
}

// CommitStats counts the committer's work.
type CommitStats struct {
	Batches  uint64 // transactions committed, batches and writes run again alone
	Writes   uint64 // answers and ratings committed
	Largest  int    // the most writes one committed transaction held
	Failures uint64 // batches whose transaction failed as a whole
}

func newCommitter(db *gorm.DB, e engine, prepared []string) (*committer, error) {
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	c := &committer{db: db, sqlDB: sqlDB, engine: e, stmts: map[string]*sql.Stmt{},
		jobs: make(chan *writeJob, maxBatch), quit: make(chan struct{})}
	for _, q := range prepared {
		st, err := sqlDB.Prepare(e.rebind(q))
		if err != nil {
			c.closeStmts()
			return nil, fmt.Errorf("prepare %q: %w", q, err)
		}
		c.stmts[q] = st
	}
	c.wg.Add(1)
	go c.loop()
	return c, nil
}

// stmt returns query prepared on the writer's connections, if it is one
// of the statements prepared at the start. (A statement cannot be
// prepared on the DB during a transaction: on SQLite the transaction
// holds the one writer connection.)
func (c *committer) stmt(query string) (*sql.Stmt, bool) {
	st, ok := c.stmts[query]
	return st, ok
}

// errClosed is what a write gets once the store is closing.
var errClosed = fmt.Errorf("%w: the server is shutting down", ErrUnavailable)

// write runs fn in the committer's next batch and returns fn's result
// once the batch is committed, or the error of fn or of the batch. fn may
// run twice (see runBatch); only the result of the run that was committed
// comes back.
func write[T any](c *committer, key uint, fn func(tx *writeTx) (T, error)) (T, error) {
	j := &writeJob{key: key, run: func(tx *writeTx) (any, error) { return fn(tx) }, done: make(chan outcome, 1)}
	var zero T
	c.mu.RLock()
	if c.stopped {
		c.mu.RUnlock()
		return zero, errClosed
	}
	// Sending under the lock means close cannot stop the loop between
	// this check and the send; the loop drains the channel before it
	// ends, so every job sent gets an answer.
	c.jobs <- j
	c.mu.RUnlock()
	o := <-j.done
	if o.err != nil {
		return zero, o.err
	}
	return o.result.(T), nil
}

func (c *committer) loop() {
	defer c.wg.Done()
	batch := make([]*writeJob, 0, maxBatch)
	for {
		select {
		case j := <-c.jobs:
			batch = append(batch[:0], j)
		case <-c.quit:
			// Drain what was sent before close, then stop.
			for {
				select {
				case j := <-c.jobs:
					c.runBatch([]*writeJob{j})
				default:
					return
				}
			}
		}
		// Take whatever else is waiting now; never wait for more.
	gather:
		for len(batch) < maxBatch {
			select {
			case j := <-c.jobs:
				batch = append(batch, j)
			default:
				break gather
			}
		}
		c.runBatch(batch)
	}
}

// runBatch writes a batch in one transaction. A job that fails before it
// has changed anything (an answer to a finished attempt, say) gets its
// error and the others go on. If a job fails after changing something, or
// the transaction fails as a whole (the commit, a full disk), the batch
// is rolled back and each job is run again in a transaction of its own,
// so that one write's trouble is never another's.
func (c *committer) runBatch(batch []*writeJob) {
	slices.SortStableFunc(batch, func(a, b *writeJob) int { return cmp.Compare(a.key, b.key) })
	outs := make([]outcome, len(batch))
	err := c.transaction(func(tx *writeTx) error {
		for i, j := range batch {
			tx.dirty = false
			if outs[i] = j.safeRun(tx); outs[i].err != nil && (tx.dirty || len(batch) == 1) {
				return outs[i].err
			}
		}
		return nil
	})
	switch {
	case err == nil:
		c.count(len(batch), outs)
	case len(batch) == 1:
		// A single job's error is its own, or else the commit's.
		if outs[0].err == nil {
			outs[0] = outcome{err: err}
		}
	default:
		c.countFailure()
		for i, j := range batch {
			outs[i] = c.runAlone(j)
			c.count(1, outs[i:i+1])
		}
	}
	for i, j := range batch {
		if e := outs[i].err; e != nil && Unavailable(e) && !errors.Is(e, ErrUnavailable) {
			outs[i].err = fmt.Errorf("%w: %w", ErrUnavailable, e)
		}
		j.done <- outs[i]
	}
}

// runAlone runs a job in a transaction of its own, after its batch failed.
func (c *committer) runAlone(j *writeJob) outcome {
	var o outcome
	if err := c.transaction(func(tx *writeTx) error {
		o = j.safeRun(tx)
		return o.err
	}); err != nil {
		return outcome{err: err}
	}
	return o
}

// transaction runs fn in a transaction on the writer's connections and
// commits it, or rolls it back if fn fails. The transaction is GORM's, so
// that models' GORM code can run in it as in any other; the hot
// statements go to its *sql.Tx directly.
func (c *committer) transaction(fn func(tx *writeTx) error) error {
	g := c.db.Begin()
	if g.Error != nil {
		return g.Error
	}
	tx := &writeTx{c: c, g: g}
	switch pool := g.Statement.ConnPool.(type) {
	case *sql.Tx:
		tx.sql = pool
	case *gorm.PreparedStmtTX:
		tx.sql, _ = pool.Tx.(*sql.Tx)
	}
	if tx.sql == nil {
		g.Rollback()
		return fmt.Errorf("group commit: unexpected transaction type %T", g.Statement.ConnPool)
	}
	if err := fn(tx); err != nil {
		g.Rollback()
		return err
	}
	return g.Commit().Error
}

// count records a committed transaction of size jobs, whose writes that
// succeeded are those with no error in outs.
func (c *committer) count(size int, outs []outcome) {
	c.statsMu.Lock()
	defer c.statsMu.Unlock()
	for _, o := range outs {
		if o.err == nil {
			c.stats.Writes++
		}
	}
	if len(outs) == 1 && outs[0].err != nil {
		return // a lone write that failed: nothing was committed
	}
	c.stats.Batches++
	c.stats.Largest = max(c.stats.Largest, size)
}

// countFailure records a batch whose transaction failed as a whole.
func (c *committer) countFailure() {
	c.statsMu.Lock()
	defer c.statsMu.Unlock()
	c.stats.Failures++
}

// close stops taking writes, lets the loop write what was already sent,
// and waits for it.
func (c *committer) close() {
	c.mu.Lock()
	if c.stopped {
		c.mu.Unlock()
		return
	}
	c.stopped = true
	close(c.quit)
	c.mu.Unlock()
	c.wg.Wait()
	c.closeStmts()
}

func (c *committer) closeStmts() {
	for _, st := range c.stmts {
		st.Close()
	}
}

// CommitStats returns what the group committer has written so far.
func (s *Store) CommitStats() CommitStats {
	s.commits.statsMu.Lock()
	defer s.commits.statsMu.Unlock()
	return s.commits.stats
}

// Unavailable reports whether err means the database cannot be reached
// or written just now, rather than that the request was wrong: a full
// disk, an I/O error, a lock not released in time, a read-only file, or
// a PostgreSQL server that is down, restarting or out of resources. Such
// a request can be sent again later.
func Unavailable(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrUnavailable) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ENOSPC) {
		return true
	}
	var lite sqlite3.Error
	if errors.As(err, &lite) {
		switch lite.Code {
		case sqlite3.ErrFull, sqlite3.ErrIoErr, sqlite3.ErrBusy, sqlite3.ErrLocked, sqlite3.ErrCantOpen,
			sqlite3.ErrReadonly, sqlite3.ErrNomem:
			return true
		}
		return false
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		// Class 08: connection exception; 53: insufficient resources
		// (disk full, out of memory, too many connections); 57P01-57P03:
		// the server is shutting down, crashed or starting; 40001 and
		// 40P01: a serialization failure or deadlock, which another try
		// resolves.
		return strings.HasPrefix(pg.Code, "08") || strings.HasPrefix(pg.Code, "53") ||
			strings.HasPrefix(pg.Code, "57P0") || pg.Code == "40001" || pg.Code == "40P01"
	}
	var connect *pgconn.ConnectError
	var netErr net.Error
	if errors.As(err, &connect) || errors.As(err, &netErr) || pgconn.Timeout(err) {
		return true
	}
	msg := err.Error()
	for _, s := range []string{"conn closed", "connection refused", "connection reset", "broken pipe", "database or disk is full", "disk I/O error"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
