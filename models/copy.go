package models

import (
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ErrTargetNotEmpty is a copy into a database that already has data.
var ErrTargetNotEmpty = fmt.Errorf("the target database already has data")

// CopyProgress is told how a copy goes: rows of a table copied so far, of
// total.
type CopyProgress func(table string, done, total int64)

// copyBatch is how many rows a copy reads and writes at a time.
const copyBatch = 500

// tableCopier is one table of the schema (see tables): its name and
// model, where a backup reports its rows, and how to copy it and count
// its rows in a database.
type tableCopier struct {
	name   string
	model  any
	report int // its place in a backup's report; 0: not in it
	copy   func(from, to *gorm.DB, total int64, progress CopyProgress) (int64, error)
	count  func(db *gorm.DB) (int64, error)
}

// table is the tableCopier of model T, stored as name.
func table[T any](name string, report int) tableCopier {
	return tableCopier{
		name:   name,
		model:  new(T),
		report: report,
		copy: func(from, to *gorm.DB, total int64, progress CopyProgress) (int64, error) {
			var rows []T
			var done int64
			res := from.Model(new(T)).FindInBatches(&rows, copyBatch, func(_ *gorm.DB, _ int) error {
				if err := to.Omit(clause.Associations).Create(&rows).Error; err != nil {
					return err
				}
				done += int64(len(rows))
				if progress != nil {
					progress(name, done, total)
				}
				return nil
			})
			return done, res.Error
		},
		count: func(db *gorm.DB) (int64, error) {
			var n int64
			err := db.Model(new(T)).Count(&n).Error
			return n, err
		},
	}
}

// TableCounts counts the rows of every table.
func (s *Store) TableCounts() ([]TableCount, error) {
	out := make([]TableCount, len(tables))
	for i, t := range tables {
		n, err := t.count(s.r)
		if err != nil {
			return nil, fmt.Errorf("count %s: %w", t.name, err)
		}
		out[i] = TableCount{Table: t.name, Rows: n}
	}
	return out, nil
}

// TableCount is a table's number of rows.
type TableCount struct {
	Table string
	Rows  int64
}

// CopyTo copies every row of every table into another database, keeping
// ids, in one transaction on the target: a failed copy leaves it as it
// was. A target that has data is refused unless replace is set, which
// deletes its data first.
func (s *Store) CopyTo(to *Store, replace bool, progress CopyProgress) ([]TableCount, error) {
	have, err := to.TableCounts()
	if err != nil {
		return nil, err
	}
	for _, c := range have {
		if c.Rows > 0 && !replace {
			return nil, fmt.Errorf("%w (%d rows in %s): copy into an empty database, or replace its data with -force", ErrTargetNotEmpty, c.Rows, c.Table)
		}
	}
	totals, err := s.TableCounts()
	if err != nil {
		return nil, err
	}
	out := make([]TableCount, len(tables))
	err = to.w.Transaction(func(tx *gorm.DB) error {
		for i := len(tables) - 1; i >= 0; i-- {
			if err := tx.Exec("DELETE FROM " + tables[i].name).Error; err != nil {
				return err
			}
		}
		for i, t := range tables {
			n, err := t.copy(s.r, tx, totals[i].Rows, progress)
			if err != nil {
				return fmt.Errorf("copy %s: %w", t.name, err)
			}
			out[i] = TableCount{Table: t.name, Rows: n}
		}
		return to.engine.resetSequences(tx)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// resetSequences moves PostgreSQL's id sequences past the ids a copy
// wrote, so that new rows get new ids. SQLite needs nothing: a new id is
// one more than the largest.
func (e engine) resetSequences(tx *gorm.DB) error {
	if e != postgresEngine {
		return nil
	}
	for _, t := range tables {
		if t.name == "sessions" || t.name == "kv_entries" {
			continue // keyed by text
		}
		q := fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%s', 'id'), COALESCE((SELECT MAX(id) FROM %s), 0) + 1, false)", t.name, t.name)
		if err := tx.Exec(q).Error; err != nil {
			return fmt.Errorf("reset the id sequence of %s: %w", t.name, err)
		}
	}
	return nil
}
