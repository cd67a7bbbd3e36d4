package models

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// TestPostgresEnv names the PostgreSQL database the test suites also run
// against, as a URL; unset, they run on SQLite alone.
const TestPostgresEnv = "FACTQUIZ_TEST_POSTGRES"

// TestDatabase returns a new, empty database for a test: a SQLite file in
// dir, or, when TestPostgresEnv is set, a new schema in that PostgreSQL
// database, which drop removes. Tests call it through their helpers, so
// that one suite runs on either engine.
func TestDatabase(dir string) (db string, drop func() error, err error) {
	base := os.Getenv(TestPostgresEnv)
	if base == "" {
		return filepath.Join(dir, "test.db"), func() error { return nil }, nil
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", nil, err
	}
	schema := "fq_test_" + hex.EncodeToString(b[:])
	admin, err := gorm.Open(postgres.Open(base), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", TestPostgresEnv, err)
	}
	sqlDB, _ := admin.DB()
	if err := admin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		sqlDB.Close()
		return "", nil, err
	}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	drop = func() error {
		defer sqlDB.Close()
		return admin.Exec("DROP SCHEMA " + schema + " CASCADE").Error
	}
	return base + sep + "search_path=" + schema, drop, nil
}
