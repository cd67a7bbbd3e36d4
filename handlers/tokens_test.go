package handlers

import (
	"fmt"
	"testing"
	"time"
)

func TestTokenStoreIsBounded(t *testing.T) {
	s := newTokenStore(100)
	for i := 0; i < 1000; i++ {
		s.Set(fmt.Sprint(i), []byte("v"), time.Hour)
	}
	if s.order.Len() != 100 || len(s.byKey) != 100 {
		t.Fatalf("%d entries, want 100", s.order.Len())
	}
	if v, _ := s.Get("0"); v != nil {
		t.Error("the oldest token survived")
	}
	if v, _ := s.Get("999"); string(v) != "v" {
		t.Error("the newest token is gone")
	}
}

func TestTokenStoreExpires(t *testing.T) {
	s := newTokenStore(10)
	now := time.Unix(1000, 0)
	s.now = func() time.Time { return now }
	s.Set("a", []byte("1"), time.Minute)
	s.Set("b", []byte("2"), 0)
	now = now.Add(2 * time.Minute)
	if v, _ := s.Get("a"); v != nil {
		t.Error("an expired token is still there")
	}
	if v, _ := s.Get("b"); string(v) != "2" {
		t.Error("a token without expiry is gone")
	}
	s.Delete("b")
	if v, _ := s.Get("b"); v != nil {
		t.Error("a deleted token is still there")
	}
}

// countingStorage is a fiber.Storage in memory that counts writes.
type countingStorage struct {
	m    map[string][]byte
	sets int
}

func (s *countingStorage) Get(k string) ([]byte, error) { return s.m[k], nil }
func (s *countingStorage) Set(k string, v []byte, _ time.Duration) error {
	s.sets++
	s.m[k] = v
	return nil
}
func (s *countingStorage) Delete(k string) error { delete(s.m, k); return nil }
func (s *countingStorage) Reset() error          { s.m = map[string][]byte{}; return nil }
func (s *countingStorage) Close() error          { return nil }

func TestSharedTokens(t *testing.T) {
	db := &countingStorage{m: map[string][]byte{}}
	a, b := newSharedTokens(db, 10), newSharedTokens(db, 10)
	for range 50 { // a page view each: the middleware extends the token
		a.Set("tok", []byte("+"), time.Hour)
	}
	if db.sets != 1 {
		t.Errorf("%d database writes for one token seen 50 times, want 1", db.sets)
	}
	// Another instance finds the token in the database.
	if v, _ := b.Get("tok"); string(v) != "+" {
		t.Fatalf("instance b: %q", v)
	}
	// A token deleted at a log-in is gone for both.
	a.Delete("tok")
	if v, _ := a.Get("tok"); v != nil {
		t.Error("the deleting instance still has the token")
	}
	if v, _ := db.Get("tok"); v != nil {
		t.Error("the database still has the token")
	}
	// An old write is refreshed.
	a.refreshAfter = 0
	a.Set("x", []byte("+"), time.Hour)
	a.Set("x", []byte("+"), time.Hour)
	if db.sets != 3 {
		t.Errorf("%d writes, want a refresh each time once refreshAfter has passed", db.sets)
	}
}
