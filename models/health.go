package models

import (
	"context"
	"database/sql"
	"fmt"

	"gorm.io/gorm"
)

// Ping checks that the database answers on both the writer and the reader
// connections, within ctx's deadline. A store on one pool pings it once.
func (s *Store) Ping(ctx context.Context) error {
	pools := []struct {
		name string
		db   *gorm.DB
	}{{"writer", s.w}, {"reader", s.r}}
	for i, p := range pools {
		if i > 0 && p.db == s.w {
			continue
		}
		sqlDB, err := p.db.DB()
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		if err := sqlDB.PingContext(ctx); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	return nil
}

// PoolStats returns the connection pool statistics of the writer and the
// reader connections. A store on one pool returns its statistics twice.
func (s *Store) PoolStats() (writer, reader sql.DBStats) {
	return poolStats(s.w), poolStats(s.r)
}

func poolStats(db *gorm.DB) sql.DBStats {
	sqlDB, err := db.DB()
	if err != nil {
		return sql.DBStats{}
	}
	return sqlDB.Stats()
}
