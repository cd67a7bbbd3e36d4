package handlers

import (
	"container/list"
	"strings"
	"sync"
	"time"
)

// tokenStore is the fiber.Storage of the CSRF middleware: tokens in memory,
// at most max of them. When it is full the oldest token goes first, so
// that clients that never keep cookies cannot grow the server's memory
// without bound. A restart forgets the tokens; a form then asks to be
// reloaded and nothing else is lost.
type tokenStore struct {
	mu    sync.Mutex
	max   int
	now   func() time.Time
	order *list.List // of *tokenEntry, oldest first
	byKey map[string]*list.Element
}

type tokenEntry struct {
	key     string
	value   []byte
	expires time.Time // zero: never
}

func newTokenStore(max int) *tokenStore {
	return &tokenStore{max: max, now: time.Now, order: list.New(), byKey: map[string]*list.Element{}}
}

// Get returns the value of a live key, or nil.
func (s *tokenStore) Get(key string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	el, ok := s.byKey[key]
	if !ok {
		return nil, nil
	}
	e := el.Value.(*tokenEntry)
	if !e.expires.IsZero() && s.now().After(e.expires) {
		s.remove(el)
		return nil, nil
	}
	return e.value, nil
}

// Set stores a value for exp (0: no expiry), dropping the oldest entries
// beyond max.
func (s *tokenStore) Set(key string, value []byte, exp time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if el, ok := s.byKey[key]; ok {
		s.remove(el)
	}
	// Fiber's strings may point into buffers it reuses: keep copies.
	key = strings.Clone(key)
	e := &tokenEntry{key: key, value: append([]byte(nil), value...)}
	if exp > 0 {
		e.expires = s.now().Add(exp)
	}
	s.byKey[key] = s.order.PushBack(e)
	for s.order.Len() > s.max {
		s.remove(s.order.Front())
	}
	return nil
}

// Delete removes a key.
func (s *tokenStore) Delete(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if el, ok := s.byKey[key]; ok {
		s.remove(el)
	}
	return nil
}

// Reset removes every key.
func (s *tokenStore) Reset() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.order.Init()
	s.byKey = map[string]*list.Element{}
	return nil
}

// Close does nothing: the store holds no resources.
func (s *tokenStore) Close() error { return nil }

func (s *tokenStore) remove(el *list.Element) {
	delete(s.byKey, el.Value.(*tokenEntry).key)
	s.order.Remove(el)
}
