package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"gorm.io/driver/sqlite"
)

// ErrBackupExists is a backup refused because its file already exists: a
// backup never overwrites anything.
var ErrBackupExists = errors.New("exists; choose a new name")

// BackupInfo describes a finished backup.
type BackupInfo struct {
	Path        string      // the backup file, absolute
	Bytes       int64       // its size
	SourceBytes int64       // the database's file and its write-ahead log
	Rows        []TableRows // the rows of each of BackupTables in the copy
}

// TableRows is the number of rows of one table.
type TableRows struct {
	Table string
	Rows  int64
}

// Backup writes a consistent copy of the SQLite database to path while
// the store goes on reading and writing, and checks it. The copy is made
// with VACUUM INTO on a connection of its own, which holds a read
// transaction only: WAL mode lets writers go on beside it, where the
// store's single writer connection would hold them up for the whole copy,
// and the read pool cannot do it (query_only forbids writing the copy).
// The copy is written to a temporary file beside path, synced and checked
// with PRAGMA integrity_check, and only then given its name, so a crash or
// a failed check never leaves a partial file under it. An existing path
// gives ErrBackupExists.
func (s *Store) Backup(ctx context.Context, path string) (BackupInfo, error) {
	if name := s.w.Dialector.Name(); name != "sqlite" {
		return BackupInfo{}, fmt.Errorf("backup: the database is %s; factquiz backs up SQLite files", name)
	}
	target, err := filepath.Abs(path)
	if err != nil {
		return BackupInfo{}, err
	}
	if err := refuseExisting(path, target); err != nil {
		return BackupInfo{}, err
	}
	source, err := s.sourcePath(ctx)
	if err != nil {
		return BackupInfo{}, err
	}
	// VACUUM INTO writes into an empty file, so reserving a unique name
	// with CreateTemp is safe; 0600 as it holds password hashes.
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return BackupInfo{}, fmt.Errorf("backup: %w", err)
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	if err := vacuumInto(ctx, source, tmp.Name()); err != nil {
		return BackupInfo{}, fmt.Errorf("backup: copy %s: %w", source, err)
	}
	if err := syncPath(tmp.Name()); err != nil {
		return BackupInfo{}, fmt.Errorf("backup: %w", err)
	}
	rows, err := checkCopy(ctx, tmp.Name())
	if err != nil {
		return BackupInfo{}, fmt.Errorf("backup: the copy is unusable: %w", err)
	}
	if err := placeNoReplace(tmp.Name(), target); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return BackupInfo{}, fmt.Errorf("%s %w", path, ErrBackupExists)
		}
		return BackupInfo{}, fmt.Errorf("backup: %w", err)
	}
	if err := syncPath(filepath.Dir(target)); err != nil {
		return BackupInfo{}, fmt.Errorf("backup: %w", err)
	}
	info := BackupInfo{Path: target, Rows: rows, SourceBytes: fileSize(source) + fileSize(source+"-wal")}
	info.Bytes = fileSize(target)
	return info, nil
}

func refuseExisting(path, target string) error {
	_, err := os.Lstat(target)
	switch {
	case err == nil:
		return fmt.Errorf("%s %w", path, ErrBackupExists)
	case errors.Is(err, fs.ErrNotExist):
		return nil
	default:
		return fmt.Errorf("backup: %w", err)
	}
}

// sourcePath is the file of the store's main database, as SQLite names it.
func (s *Store) sourcePath(ctx context.Context) (string, error) {
	rows, err := s.r.WithContext(ctx).Raw("PRAGMA database_list").Rows()
	if err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int
		var name, file string
		if err := rows.Scan(&seq, &name, &file); err != nil {
			return "", fmt.Errorf("backup: %w", err)
		}
		if name == "main" && file != "" {
			return file, rows.Err()
		}
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	return "", errors.New("backup: the database has no file to back up")
}

// openReadOnly opens a SQLite file read-only. The path is escaped as a URI
// path, so that ?, # and % in a name stay part of it.
func openReadOnly(path string) (*sql.DB, error) {
	u := url.URL{Scheme: "file", OmitHost: true, Path: path, RawQuery: "mode=ro&_busy_timeout=10000"}
	db, err := sql.Open(sqlite.DriverName, u.String())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// vacuumInto copies the database at source into the empty file at dest.
// The name is a bound parameter, so no quote in it can end the SQL string.
func vacuumInto(ctx context.Context, source, dest string) error {
	db, err := openReadOnly(source)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "VACUUM INTO ?", dest)
	return err
}

// checkCopy runs PRAGMA integrity_check on a copy and counts its rows.
// The copy is in rollback journal mode, so reading it creates no file
// beside it.
func checkCopy(ctx context.Context, path string) ([]TableRows, error) {
	db, err := openReadOnly(path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	problems, err := integrityCheck(ctx, db)
	if err != nil {
		return nil, err
	}
	if len(problems) != 1 || problems[0] != "ok" {
		return nil, fmt.Errorf("integrity check: %s", strings.Join(problems, "; "))
	}
	out := make([]TableRows, 0, len(BackupTables))
	for _, table := range BackupTables {
		n := TableRows{Table: table}
		// The table names are the schema's (schema.go), not input.
		if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&n.Rows); err != nil {
			return nil, fmt.Errorf("count %s: %w", table, err)
		}
		out = append(out, n)
	}
	return out, nil
}

// integrityCheck returns the lines PRAGMA integrity_check gives: "ok"
// alone, or the problems found.
func integrityCheck(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		lines = append(lines, line)
	}
	return lines, rows.Err()
}

// placeNoReplace gives the file at tmp the name target, failing with an
// fs.ErrExist error if target exists, even one made during the backup:
// os.Rename would replace it. A file system without hard links falls back
// to a rename after checking again.
func placeNoReplace(tmp, target string) error {
	err := os.Link(tmp, target)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	switch _, err := os.Lstat(target); {
	case err == nil:
		return fs.ErrExist
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	return os.Rename(tmp, target)
}

// syncPath flushes a file or a directory to disk; a directory's sync makes
// the names in it durable.
func syncPath(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}
