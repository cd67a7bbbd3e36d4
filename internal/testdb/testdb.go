// Package testdb gives each test a database of its own: a SQLite file, or
// a schema of the PostgreSQL database PostgresEnv names, so that one suite
// runs on either engine. Only tests import it.
package testdb

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

// PostgresEnv names the PostgreSQL database the test suites also run
// against, as a URL; unset, they run on SQLite alone.
const PostgresEnv = "FACTQUIZ_TEST_POSTGRES"

// New returns a new, empty database for a test: a SQLite file in dir, or,
// when PostgresEnv is set, a new schema in that PostgreSQL database, which
// drop removes. Tests call it through their helpers, so that one suite
// runs on either engine.
func New(dir string) (db string, drop func() error, err error) {
	base := os.Getenv(PostgresEnv)
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
		return "", nil, fmt.Errorf("%s: %w", PostgresEnv, err)
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
