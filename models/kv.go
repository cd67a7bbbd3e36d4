package models

import (
	"crypto/rand"
	"fmt"
	"sync"
	"time"

	"gorm.io/gorm/clause"
)

// KVEntry is a key's value in the shared key-value store that several
// server instances use for what must not live in one process: the server
// secrets (the CSRF key) and rate-limit counters.
type KVEntry struct {
	Key       string    `gorm:"primaryKey"`
	Value     []byte    `gorm:"not null"`
	ExpiresAt time.Time `gorm:"not null;index"` // the zero time: never
}

// KV is a namespace of the shared key-value store. It is a fiber.Storage,
// so Fiber's limiter middleware can keep its state in the database.
type KV struct {
	s      *Store
	prefix string

	mu        sync.Mutex
	lastSweep time.Time
}

// KV returns the shared key-value store's namespace.
func (s *Store) KV(namespace string) *KV {
	return &KV{s: s, prefix: namespace + ":"}
}

// sweepEvery is how often a process clears expired entries as it writes.
const sweepEvery = time.Minute

// Get returns the value of a key that has not expired, or nil.
func (kv *KV) Get(key string) ([]byte, error) {
	var e KVEntry
	res := kv.s.r.Where("key = ?", kv.prefix+key).Limit(1).Find(&e)
	if res.Error != nil || res.RowsAffected == 0 {
		return nil, res.Error
	}
	if !e.ExpiresAt.IsZero() && time.Now().After(e.ExpiresAt) {
		return nil, nil
	}
	return e.Value, nil
}

// Set stores a value for exp (0: for ever), replacing any other.
func (kv *KV) Set(key string, value []byte, exp time.Duration) error {
	e := KVEntry{Key: kv.prefix + key, Value: value}
	now := time.Now().UTC()
	if exp > 0 {
		e.ExpiresAt = now.Add(exp)
	}
	err := kv.s.w.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "key"}}, DoUpdates: clause.AssignmentColumns([]string{"value", "expires_at"})}).
		Create(&e).Error
	if err != nil {
		return err
	}
	kv.mu.Lock()
	sweep := now.Sub(kv.lastSweep) > sweepEvery
	if sweep {
		kv.lastSweep = now
	}
	kv.mu.Unlock()
	if sweep {
		return kv.s.w.Where("expires_at > ? AND expires_at < ?", time.Time{}, now).Delete(&KVEntry{}).Error
	}
	return nil
}

// Delete removes a key.
func (kv *KV) Delete(key string) error {
	return kv.s.w.Where("key = ?", kv.prefix+key).Delete(&KVEntry{}).Error
}

// Reset removes every key of the namespace.
func (kv *KV) Reset() error {
	return kv.s.w.Where("key LIKE ? ESCAPE '\\'", likeEscape(kv.prefix)+"%").Delete(&KVEntry{}).Error
}

// Close does nothing: the store closes the database.
func (kv *KV) Close() error { return nil }

// Secret returns the server-wide secret called name: n random bytes made
// the first time any instance asks and kept in the shared store for ever.
// It is inserted only if absent and then read back, so that instances
// that start together agree on one.
func (s *Store) Secret(name string, n int) ([]byte, error) {
	key := "secret:" + name
	fresh := make([]byte, n)
	if _, err := rand.Read(fresh); err != nil {
		return nil, err
	}
	if err := s.w.Clauses(clause.OnConflict{DoNothing: true}).Create(&KVEntry{Key: key, Value: fresh}).Error; err != nil {
		return nil, err
	}
	var e KVEntry
	if err := s.w.Where("key = ?", key).Take(&e).Error; err != nil {
		return nil, err
	}
	if len(e.Value) < n {
		return nil, fmt.Errorf("the stored secret %q has %d bytes, want %d", name, len(e.Value), n)
	}
	return e.Value, nil
}
