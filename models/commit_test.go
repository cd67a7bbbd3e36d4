package models

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// holdCommitter blocks the committer with a job that waits until the
// returned function is called, so that the writes sent meanwhile gather
// into one batch.
func holdCommitter(t *testing.T, s *Store) (release func()) {
	t.Helper()
	started, hold := make(chan struct{}), make(chan struct{})
	go writeOnly(s.commits, 0, func(*writeTx) error {
		close(started)
		<-hold
		return nil
	})
	<-started
	return sync.OnceFunc(func() { close(hold) })
}

// writeOnly sends the committer a job whose only result is its error.
func writeOnly(c *committer, key uint, fn func(*writeTx) error) error {
	_, err := write(c, key, func(tx *writeTx) (struct{}, error) { return struct{}{}, fn(tx) })
	return err
}

// waitQueued waits until n writes are waiting for the committer.
func waitQueued(t *testing.T, s *Store, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for len(s.commits.jobs) < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d writes queued, want %d", len(s.commits.jobs), n)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestGroupCommitOutcomes sends answers that land in one batch: good
// ones, and a second answer to a question of the batch; and beside them,
// refused by the read before the batch, a second answer to a question
// answered earlier and an answer to another guest's attempt. Each gets
// its own outcome, and the good ones are stored.
func TestGroupCommitOutcomes(t *testing.T) {
	s := openTest(t)
	a := importTest(t, s, "city_lyon.txt")
	me := Owner{GuestToken: "guest-1"}
	v, err := s.StartAttempt(a.ID, 4, me)
	if err != nil {
		t.Fatal(err)
	}
	// Answer the first question beforehand, so that answering it again
	// in the batch is a duplicate.
	first := v.Questions[0]
	if _, err := submit(s, v.Attempt.ID, me, first.QuestionID, expected(first.Question)); err != nil {
		t.Fatal(err)
	}
	release := holdCommitter(t, s)
	defer release()

	type send struct {
		name    string
		owner   Owner
		qid     uint
		wantErr error
		early   bool // refused by the read before the batch: never queued
	}
	sends := []send{
		{"second question", me, v.Questions[1].QuestionID, nil, false},
		{"first question again", me, first.QuestionID, ErrAlreadyAnswered, true},
		{"third question", me, v.Questions[2].QuestionID, nil, false},
		{"second question again, in the batch", me, v.Questions[1].QuestionID, ErrAlreadyAnswered, false},
		{"another guest", Owner{GuestToken: "guest-2"}, v.Questions[3].QuestionID, ErrNotFound, true},
		{"fourth question", me, v.Questions[3].QuestionID, nil, false},
	}
	errs := make([]error, len(sends))
	var wg sync.WaitGroup
	queued := 0
	for i, sd := range sends {
		if sd.early {
			errs[i] = submitTo(s, v.Attempt.ID, sd.owner, sd.qid, v)
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = submitTo(s, v.Attempt.ID, sd.owner, sd.qid, v)
		}()
		queued++
		waitQueued(t, s, queued)
	}
	before := s.CommitStats()
	release()
	wg.Wait()
	for i, sd := range sends {
		if !errors.Is(errs[i], sd.wantErr) || (sd.wantErr == nil) != (errs[i] == nil) {
			t.Errorf("%s: got %v, want %v", sd.name, errs[i], sd.wantErr)
		}
	}
	after := s.CommitStats()
	// Two batches: the held write's, then all the others.
	if after.Batches != before.Batches+2 || after.Largest < queued {
		t.Errorf("commit stats went from %+v to %+v: the %d answers were not one batch", before, after, queued)
	}
	got, err := s.GetAttempt(v.Attempt.ID, me)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Responses) != 4 || got.Attempt.Answered != 4 || got.Attempt.FinishedAt == nil {
		t.Errorf("stored %d responses, answered %d, finished %v; want 4, 4, finished",
			len(got.Responses), got.Attempt.Answered, got.Attempt.FinishedAt)
	}
}

// TestGroupCommitIsolatesAFailedWrite: a write that fails after it has
// changed something takes the batch's transaction down; the others in the
// batch are written again on their own and succeed, and nothing of the
// failed one stays.
func TestGroupCommitIsolatesAFailedWrite(t *testing.T) {
	s := openTest(t)
	release := holdCommitter(t, s)
	defer release()
	put := func(key string, fail bool) func(*writeTx) error {
		return func(tx *writeTx) error {
			if _, err := tx.exec("INSERT INTO kv_entries (key, value, expires_at) VALUES (?, ?, ?)", key, []byte("v"), time.Time{}); err != nil {
				return err
			}
			if fail {
				return fmt.Errorf("%s failed after writing", key)
			}
			return nil
		}
	}
	keys := []string{"a", "bad", "c"}
	errs := make([]error, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = writeOnly(s.commits, uint(i+1), put(k, k == "bad"))
		}()
		waitQueued(t, s, i+1)
	}
	release()
	wg.Wait()
	if errs[0] != nil || errs[2] != nil || errs[1] == nil {
		t.Fatalf("outcomes %v; want only the bad write to fail", errs)
	}
	var stored []string
	if err := s.r.Raw("SELECT key FROM kv_entries ORDER BY key").Scan(&stored).Error; err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(stored) != "[a c]" {
		t.Errorf("stored %v, want [a c]", stored)
	}
	// Committed: the held write, then a and c each alone.
	if st := s.CommitStats(); st.Failures != 1 || st.Writes != 3 || st.Batches != 3 {
		t.Errorf("stats %+v: want the one failed batch, and 3 writes in 3 transactions", st)
	}
}

// TestGroupCommitPanic: a write that panics fails alone; the committer
// goes on serving.
func TestGroupCommitPanic(t *testing.T) {
	s := openTest(t)
	err := writeOnly(s.commits, 1, func(*writeTx) error { panic("boom") })
	if err == nil {
		t.Fatal("a panicking write reported success")
	}
	if err := writeOnly(s.commits, 2, func(*writeTx) error { return nil }); err != nil {
		t.Fatalf("the committer stopped after a panic: %v", err)
	}
}

// TestGroupCommitAfterClose: writes sent after Close are refused as
// unavailable, not lost or hung.
func TestGroupCommitAfterClose(t *testing.T) {
	s, err := Open(testDB(t))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	err = writeOnly(s.commits, 1, func(*writeTx) error { return nil })
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("write after close: %v, want ErrUnavailable", err)
	}
}

func expected(q Question) decode {
	return func(*AttemptQuestion) (any, error) {
		eq, err := q.Engine()
		if err != nil {
			return nil, err
		}
		return eq.Expected(), nil
	}
}

func submitTo(s *Store, attemptID uint, o Owner, qid uint, v *AttemptView) error {
	for _, aq := range v.Questions {
		if aq.QuestionID == qid {
			_, err := submit(s, attemptID, o, qid, expected(aq.Question))
			return err
		}
	}
	return fmt.Errorf("question %d is not in the attempt", qid)
}

// TestGroupCommitResults: each job's caller gets the result its job
// returned in the transaction that was committed. Here the batch fails
// (its middle job fails after writing), so the batch stops there, rolled
// back, and each job runs again alone: the first job's caller sees its
// second run's result, not the rolled-back first's; the last job, never
// reached in the batch, ran once.
func TestGroupCommitResults(t *testing.T) {
	s := openTest(t)
	release := holdCommitter(t, s)
	defer release()
	keys := []string{"a", "bad", "c"}
	runs := make([]int, len(keys)) // touched only by the committer's goroutine
	results := make([]int, len(keys))
	errs := make([]error, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = write(s.commits, uint(i+1), func(tx *writeTx) (int, error) {
				runs[i]++
				if _, err := tx.exec("INSERT INTO kv_entries (key, value, expires_at) VALUES (?, ?, ?)", k, []byte("v"), time.Time{}); err != nil {
					return 0, err
				}
				if k == "bad" {
					return runs[i], fmt.Errorf("%s failed after writing", k)
				}
				return runs[i], nil
			})
		}()
		waitQueued(t, s, i+1)
	}
	release()
	wg.Wait()
	if errs[0] != nil || errs[2] != nil || errs[1] == nil {
		t.Fatalf("errors %v; want only the bad write to fail", errs)
	}
	if results[0] != 2 || results[1] != 0 || results[2] != 1 {
		t.Errorf("results %v, want [2 0 1]: the committed runs' results, none for the failed write", results)
	}
}
