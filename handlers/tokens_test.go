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
