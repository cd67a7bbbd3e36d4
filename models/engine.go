package models

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// engine is the database engine a store runs on. Where the SQL of the two
// engines must differ, the difference is one of its methods; nothing
// outside models knows which engine it is.
type engine int

const (
	sqliteEngine engine = iota
	postgresEngine
)

func isPostgresURL(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// rebind writes a statement's ? placeholders as the engine's: $1, $2, ...
// for PostgreSQL. GORM does this itself; statements prepared on
// database/sql need it done. The statements rebound hold no ? in strings.
func (e engine) rebind(query string) string {
	if e != postgresEngine {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// forUpdate is the clause that locks the rows a transaction reads until
// it ends. SQLite needs none: a store's writes go through one connection
// whose transactions take the database's write lock when they begin.
func (e engine) forUpdate() string {
	if e == postgresEngine {
		return " FOR UPDATE"
	}
	return ""
}

// lockTable keeps other transactions from writing a table until this one
// ends. SQLite's write transactions already exclude each other.
func (e engine) lockTable(tx *gorm.DB, table string) error {
	if e != postgresEngine {
		return nil
	}
	return tx.Exec("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE").Error
}

// isUniqueViolation reports whether err is a unique index refusing a row.
func isUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == "23505"
	}
	return strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// migrationLock is the key of the PostgreSQL advisory lock that lets one
// starting instance migrate while the others wait.
const migrationLock = 0x66717a // "fqz"

// openPostgres opens a PostgreSQL database by URL and migrates it under
// an advisory lock, so that instances starting together migrate one at a
// time.
func openPostgres(url string) (*Store, error) {
	cfg := &gorm.Config{Logger: logger.Discard, PrepareStmt: true, SkipDefaultTransaction: true}
	db, err := gorm.Open(postgres.Open(url), cfg)
	if err != nil {
		return nil, fmt.Errorf("open PostgreSQL database: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	// As many idle connections as open ones: under load, closing a
	// connection that comes back and opening another costs PostgreSQL
	// more than the requests themselves (bench/README.md). Instances ×
	// 32 must stay under the server's max_connections (100 by default).
	sqlDB.SetMaxOpenConns(32)
	sqlDB.SetMaxIdleConns(32)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{w: db, r: db, engine: postgresEngine}
	err = db.Connection(func(conn *gorm.DB) error {
		if err := conn.Exec("SELECT pg_advisory_lock(?)", migrationLock).Error; err != nil {
			return err
		}
		defer conn.Exec("SELECT pg_advisory_unlock(?)", migrationLock)
		// A new session per statement, so that one statement's model does
		// not leak into the next on this pinned connection.
		pinned := conn.Session(&gorm.Session{NewDB: true})
		locked := &Store{w: pinned, r: pinned, engine: postgresEngine}
		return locked.migrate()
	})
	if err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("migrate PostgreSQL database: %w", err)
	}
	if err := s.prepare(sqlDB); err != nil {
		sqlDB.Close()
		return nil, err
	}
	return s, nil
}
