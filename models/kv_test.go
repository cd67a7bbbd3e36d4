package models

import (
	"testing"
	"time"
)

func TestKV(t *testing.T) {
	db := testDB(t)
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	csrf, limit := s.KV("csrf"), s.KV("limit")
	if v, err := csrf.Get("a"); v != nil || err != nil {
		t.Fatalf("empty store: %q, %v", v, err)
	}
	if err := csrf.Set("a", []byte("1"), time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := csrf.Set("a", []byte("2"), time.Hour); err != nil { // replaces
		t.Fatal(err)
	}
	if v, _ := csrf.Get("a"); string(v) != "2" {
		t.Errorf("Get = %q, want 2", v)
	}
	if v, _ := limit.Get("a"); v != nil {
		t.Error("namespaces share keys")
	}
	limit.Set("forever", []byte("x"), 0)
	csrf.Set("gone", []byte("x"), time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	if v, _ := csrf.Get("gone"); v != nil {
		t.Error("an expired key is still there")
	}
	if v, _ := limit.Get("forever"); string(v) != "x" {
		t.Error("a key without expiry is gone")
	}
	// Another instance on the same database sees them.
	other, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if v, _ := other.KV("limit").Get("forever"); string(v) != "x" {
		t.Error("another store on the database does not see the key")
	}
	csrf.Delete("a")
	if v, _ := csrf.Get("a"); v != nil {
		t.Error("a deleted key is still there")
	}
	limit.Set("b", []byte("y"), time.Hour)
	if err := limit.Reset(); err != nil {
		t.Fatal(err)
	}
	if v, _ := limit.Get("b"); v != nil {
		t.Error("Reset left a key")
	}
	if v, _ := csrf.Get("gone"); v != nil {
		t.Error("Reset of one namespace touched another")
	}
}
