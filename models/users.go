package models

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/mail"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

// Roles. Each role can do what the one before it can.
const (
	RoleLearner    = "learner"
	RoleInstructor = "instructor"
	RoleAdmin      = "admin"
)

// Roles lists the roles from least to most allowed.
var Roles = []string{RoleLearner, RoleInstructor, RoleAdmin}

// Password limits. bcrypt reads at most 72 bytes; a longer password would
// be cut silently, so it is refused instead.
const (
	MinPassword = 8
	MaxPassword = 72
)

// SessionLifetime is how long a session lasts without being used.
const SessionLifetime = 30 * 24 * time.Hour

// Errors of accounts.
var (
	ErrBadLogin  = errors.New("wrong email or password")
	ErrLastAdmin = errors.New("at least one admin must remain: make another account admin first")
)

// User is an account.
type User struct {
	ID           uint   `gorm:"primaryKey"`
	Email        string `gorm:"not null;uniqueIndex"` // lower case
	Name         string `gorm:"not null"`
	PasswordHash string `gorm:"not null"`
	Role         string `gorm:"not null;default:learner;index"`
	CreatedAt    time.Time
	// Flashcard settings: the chance of remembering a card when it comes
	// back, and how many new cards a day.
	DesiredRetention float64 `gorm:"not null;default:0.9"`
	NewPerDay        int     `gorm:"not null;default:20"`
}

// Can reports whether the user has role or a role above it.
func (u *User) Can(role string) bool {
	return u != nil && roleRank(u.Role) >= roleRank(role)
}

func roleRank(role string) int {
	for i, r := range Roles {
		if r == role {
			return i
		}
	}
	return -1
}

// ValidRole reports whether role is one of Roles.
func ValidRole(role string) bool { return roleRank(role) >= 0 }

// Session is a signed-in browser. Its ID is the SHA-256 of the cookie's
// value, so that a copy of the database does not let anyone sign in.
type Session struct {
	ID        string    `gorm:"primaryKey"`
	UserID    uint      `gorm:"not null;index"`
	User      User      `gorm:"constraint:OnDelete:CASCADE"`
	CreatedAt time.Time `gorm:"not null"`
	ExpiresAt time.Time `gorm:"not null;index"`
}

// APIToken lets a script use the JSON API as a user. Only its SHA-256 is
// kept.
type APIToken struct {
	ID         uint   `gorm:"primaryKey"`
	UserID     uint   `gorm:"not null;index"`
	User       User   `gorm:"constraint:OnDelete:CASCADE"`
	Name       string `gorm:"not null"`
	Hash       string `gorm:"not null;uniqueIndex"`
	Hint       string `gorm:"not null"` // the token's last four characters
	CreatedAt  time.Time
	LastUsedAt *time.Time
}

// FieldErrors says what is wrong with a form, field by field. It is an
// error, so the store can refuse a form whole.
type FieldErrors map[string]string

func (e FieldErrors) Error() string {
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = e[k]
	}
	return strings.Join(parts, " ")
}

// NewUser is what an account is created from.
type NewUser struct {
	Email, Name, Password, Role string
}

// NormalizeEmail trims an address and lowers its case, as accounts store
// it.
func NormalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

func (n *NewUser) validate() FieldErrors {
	errs := FieldErrors{}
	n.Email = NormalizeEmail(n.Email)
	n.Name = strings.TrimSpace(n.Name)
	if n.Email == "" {
		errs["email"] = "Enter your email address."
	} else if a, err := mail.ParseAddress(n.Email); err != nil || a.Address != n.Email || len(n.Email) > 254 {
		errs["email"] = "This is not an email address: it should look like name@example.com."
	}
	if n.Name == "" {
		n.Name, _, _ = strings.Cut(n.Email, "@")
	}
	if utf8.RuneCountInString(n.Name) > 100 {
		errs["name"] = "Names may be at most 100 characters long."
	}
	if msg := passwordProblem(n.Password); msg != "" {
		errs["password"] = msg
	}
	if n.Role == "" {
		n.Role = RoleLearner
	}
	if !ValidRole(n.Role) {
		errs["role"] = "The role must be learner, instructor or admin."
	}
	return errs
}

func passwordProblem(p string) string {
	switch {
	case utf8.RuneCountInString(p) < MinPassword:
		return "Passwords must be at least 8 characters long."
	case len(p) > MaxPassword:
		return "Passwords may be at most 72 bytes long (72 letters, fewer with accents or emoji)."
	}
	return ""
}

// CreateUser adds an account. A form that is not right is FieldErrors; an
// address already taken is a FieldErrors on "email".
func (s *Store) CreateUser(n NewUser) (*User, error) {
	if errs := n.validate(); len(errs) > 0 {
		return nil, errs
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(n.Password), bcrypt.DefaultCost)
	if err != nil {
		return nil, err
	}
	u := &User{Email: n.Email, Name: n.Name, PasswordHash: string(hash), Role: n.Role, CreatedAt: time.Now().UTC(),
		DesiredRetention: DefaultRetention, NewPerDay: DefaultNewPerDay}
	if err := s.w.Create(u).Error; err != nil {
		if isUniqueViolation(err) {
			return nil, FieldErrors{"email": "There is already an account with this address: log in instead."}
		}
		return nil, err
	}
	return u, nil
}

// dummyHash is compared against when an address has no account, so that
// a wrong address takes as long to refuse as a wrong password.
var dummyHash = sync.OnceValue(func() []byte {
	h, _ := bcrypt.GenerateFromPassword([]byte("no account has this password"), bcrypt.DefaultCost)
	return h
})

// Authenticate returns the account of email if password is its password,
// and ErrBadLogin otherwise, without telling which was wrong.
func (s *Store) Authenticate(email, password string) (*User, error) {
	var u User
	err := s.r.Where("email = ?", NormalizeEmail(email)).Limit(1).Find(&u).Error
	if err != nil {
		return nil, err
	}
	if u.ID == 0 {
		bcrypt.CompareHashAndPassword(dummyHash(), []byte(password))
		return nil, ErrBadLogin
	}
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(password)) != nil {
		return nil, ErrBadLogin
	}
	return &u, nil
}

// GetUser returns an account.
func (s *Store) GetUser(id uint) (*User, error) {
	var u User
	if err := s.r.Limit(1).Find(&u, id).Error; err != nil {
		return nil, err
	}
	if u.ID == 0 {
		return nil, ErrNotFound
	}
	return &u, nil
}

// UserByEmail returns the account of an address.
func (s *Store) UserByEmail(email string) (*User, error) {
	var u User
	if err := s.r.Where("email = ?", NormalizeEmail(email)).Limit(1).Find(&u).Error; err != nil {
		return nil, err
	}
	if u.ID == 0 {
		return nil, ErrNotFound
	}
	return &u, nil
}

// ListUsers returns every account, oldest first.
func (s *Store) ListUsers() ([]User, error) {
	var us []User
	err := s.r.Order("id").Find(&us).Error
	return us, err
}

// CountAdmins is how many accounts are admins.
func (s *Store) CountAdmins() (int64, error) {
	var n int64
	err := s.r.Model(&User{}).Where("role = ?", RoleAdmin).Count(&n).Error
	return n, err
}

// SetRole changes an account's role. The last admin cannot stop being
// one, so that someone can always manage the site.
func (s *Store) SetRole(userID uint, role string) error {
	if !ValidRole(role) {
		return FieldErrors{"role": "The role must be learner, instructor or admin."}
	}
	return s.w.Transaction(func(tx *gorm.DB) error {
		var u User
		if err := tx.Limit(1).Find(&u, userID).Error; err != nil {
			return err
		}
		if u.ID == 0 {
			return ErrNotFound
		}
		if u.Role == RoleAdmin && role != RoleAdmin {
			// The admins' rows are locked (on PostgreSQL; SQLite's write
			// transactions exclude each other anyway), so that two admins
			// demoting each other at once cannot both see the other left:
			// the second waits, and then counts one.
			var admins []uint
			if err := tx.Raw("SELECT id FROM users WHERE role = ? ORDER BY id"+s.engine.forUpdate(), RoleAdmin).Scan(&admins).Error; err != nil {
				return err
			}
			if len(admins) <= 1 {
				return ErrLastAdmin
			}
		}
		return tx.Model(&User{}).Where("id = ?", userID).Update("role", role).Error
	})
}

// SetPassword replaces an account's password, signs out every session of
// it and revokes its API tokens (whoever knew the old password may have
// made one); the caller starts a new session where the user should stay
// signed in.
func (s *Store) SetPassword(userID uint, password string) error {
	if msg := passwordProblem(password); msg != "" {
		return FieldErrors{"password": msg}
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return err
	}
	return s.w.Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&User{}).Where("id = ?", userID).Update("password_hash", string(hash))
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		if err := tx.Where("user_id = ?", userID).Delete(&Session{}).Error; err != nil {
			return err
		}
		return tx.Where("user_id = ?", userID).Delete(&APIToken{}).Error
	})
}

// ChangePassword checks the current password before setting a new one.
func (s *Store) ChangePassword(userID uint, current, password string) error {
	u, err := s.GetUser(userID)
	if err != nil {
		return err
	}
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(current)) != nil {
		return FieldErrors{"current": "This is not your current password."}
	}
	return s.SetPassword(userID, password)
}

// newSecret returns a random token for a cookie or an API token, and the
// hash under which it is stored.
func newSecret(prefix string) (secret, hash string, err error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", "", err
	}
	secret = prefix + hex.EncodeToString(b[:])
	return secret, hashSecret(secret), nil
}

func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
