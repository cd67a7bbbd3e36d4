package handlers

import (
	"container/list"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
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

// sharedTokens is the CSRF middleware's storage when several instances
// share a database: the tokens live in the database, and each process
// keeps the ones it has seen in a bounded memory cache. A stale cache is
// harmless here: a token is never changed, only made or deleted, and a
// token deleted elsewhere (at a log-in) is deleted in this process's
// cache by the request that logs in. The middleware extends a token's
// expiry on every request; the database is written only when a token is
// new to this process or its stored expiry is more than refreshAfter old,
// so that page views do not each cost a write.
type sharedTokens struct {
	mem          *tokenStore
	db           fiber.Storage
	refreshAfter time.Duration

	mu      sync.Mutex
	written map[string]time.Time // when this process last wrote a key
}

func newSharedTokens(db fiber.Storage, max int) *sharedTokens {
	return &sharedTokens{mem: newTokenStore(max), db: db, refreshAfter: time.Hour, written: map[string]time.Time{}}
}

// Get reads the cache, then the database.
func (s *sharedTokens) Get(key string) ([]byte, error) {
	if v, err := s.mem.Get(key); v != nil || err != nil {
		return v, err
	}
	v, err := s.db.Get(key)
	if v != nil && err == nil {
		s.mem.Set(key, v, s.refreshAfter)
	}
	return v, err
}

// Set caches a value and writes it to the database when it is new here or
// its stored expiry needs pushing back.
func (s *sharedTokens) Set(key string, value []byte, exp time.Duration) error {
	if err := s.mem.Set(key, value, exp); err != nil {
		return err
	}
	s.mu.Lock()
	last, seen := s.written[key]
	now := time.Now()
	write := !seen || now.Sub(last) > s.refreshAfter
	if write {
		if len(s.written) >= s.mem.max {
			s.written = map[string]time.Time{} // forget, and write again when next seen
		}
		s.written[strings.Clone(key)] = now
	}
	s.mu.Unlock()
	if !write {
		return nil
	}
	return s.db.Set(key, value, exp)
}

// Delete removes a key from both.
func (s *sharedTokens) Delete(key string) error {
	s.mu.Lock()
	delete(s.written, key)
	s.mu.Unlock()
	s.mem.Delete(key)
	return s.db.Delete(key)
}

// Reset removes every key from both.
func (s *sharedTokens) Reset() error {
	s.mu.Lock()
	s.written = map[string]time.Time{}
	s.mu.Unlock()
	s.mem.Reset()
	return s.db.Reset()
}

// Close closes nothing: the store owns the database.
func (s *sharedTokens) Close() error { return nil }
