package models

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
)

// The schema, in one place: the tables (which drive migration, the copy of
// migrate-data and the backup's report) and the migration steps.

// tables are every table, parents before the tables that refer to them.
// A new model gets a line here, and a migration step that creates it.
// The number after each name is its place in a backup's report, 0 for
// none.
var tables = []tableCopier{
	table[User]("users", 3), table[Article]("articles", 1), table[Section]("sections", 0),
	table[Question]("questions", 2), table[Quiz]("quizzes", 8), table[QuizQuestion]("quiz_questions", 0),
	table[Attempt]("attempts", 4), table[AttemptQuestion]("attempt_questions", 0), table[Response]("responses", 5),
	table[Session]("sessions", 0), table[APIToken]("api_tokens", 0), table[Card]("cards", 6),
	table[ReviewLog]("review_logs", 7), table[Contest]("contests", 0), table[KVEntry]("kv_entries", 0),
}

// allModels are the models of every table, for AutoMigrate.
func allModels() []any {
	out := make([]any, len(tables))
	for i, t := range tables {
		out[i] = t.model
	}
	return out
}

// BackupTables are the tables a backup counts the rows of, for its report,
// in the order tables gives them.
var BackupTables = func() []string {
	var out []string
	for _, t := range tables {
		if t.report > 0 {
			out = append(out, t.name)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return reportPlace(a) - reportPlace(b) })
	return out
}()

func reportPlace(name string) int {
	for _, t := range tables {
		if t.name == name {
			return t.report
		}
	}
	return 0
}

// migration is one step of the schema.
type migration struct {
	what string
	run  func(tx *gorm.DB) error // nil: nothing left to do (folded into a later step)
}

// migrations are the schema's steps, oldest first. A database's schema
// version is how many of them it has had, and each runs once. The list
// only grows: a change to a model or to stored data is a new step at the
// end (AutoMigrate of the models it changes, an UPDATE, …); a step once
// released is never edited or removed.
var migrations = []migration{
	{what: "schema 1, folded into step 9"},
	{what: "schema 2, folded into step 9"},
	{what: "schema 3, folded into step 9"},
	{what: "schema 4, folded into step 9"},
	{what: "schema 5, folded into step 9"},
	{what: "schema 6, folded into step 9"},
	{what: "schema 7, folded into step 9"},
	{what: "schema 8, folded into step 9"},
	{what: "every table as of schema 9; answers from before partial credit earn their full mark", run: func(tx *gorm.DB) error {
		if err := tx.AutoMigrate(allModels()...); err != nil {
			return err
		}
		if err := tx.Exec("UPDATE responses SET credit = 1 WHERE correct AND credit = 0").Error; err != nil {
			return err
		}
		return tx.Exec("UPDATE attempts SET marks = score WHERE marks = 0 AND score > 0").Error
	}},
}

// SchemaVersion is the version of the schema this factquiz migrates to:
// the number of migration steps.
var SchemaVersion = len(migrations)

// SchemaInfo records the version of the schema a database holds.
type SchemaInfo struct {
	ID         uint `gorm:"primaryKey"`
	Version    int  `gorm:"not null"`
	MigratedAt time.Time
}

// ErrNewerSchema is a database migrated by a newer factquiz.
var ErrNewerSchema = errors.New("the database was migrated by a newer factquiz")

// migrate brings the schema up to date: it runs the steps the database
// has not had, in one transaction, and records the new version. An older
// factquiz refuses a database a newer one has migrated instead of
// damaging it. A database that is up to date is not written to.
func (s *Store) migrate() error {
	// One transaction: on SQLite it holds the write lock, so that two
	// processes opening a new database at once migrate one after the
	// other (PostgreSQL instances also take an advisory lock first).
	return s.w.Transaction(func(tx *gorm.DB) error {
		version, err := schemaVersion(tx)
		if err != nil {
			return err
		}
		if version > SchemaVersion {
			return fmt.Errorf("%w (schema %d; this factquiz knows schema %d): upgrade factquiz, or restore a backup made before the upgrade",
				ErrNewerSchema, version, SchemaVersion)
		}
		if version == SchemaVersion {
			return nil
		}
		for i := version; i < len(migrations); i++ {
			if m := migrations[i]; m.run != nil {
				if err := m.run(tx); err != nil {
					return fmt.Errorf("migration step %d (%s): %w", i+1, m.what, err)
				}
			}
		}
		return tx.Save(&SchemaInfo{ID: 1, Version: SchemaVersion, MigratedAt: time.Now().UTC()}).Error
	})
}

// schemaVersion is the version a database holds: 0 for a new one (whose
// version table it makes) or one from before versions were kept.
func schemaVersion(tx *gorm.DB) (int, error) {
	if !tx.Migrator().HasTable(&SchemaInfo{}) {
		return 0, tx.AutoMigrate(&SchemaInfo{})
	}
	var info SchemaInfo
	if err := tx.Limit(1).Find(&info, 1).Error; err != nil {
		return 0, err
	}
	return info.Version, nil
}
