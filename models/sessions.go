package models

import (
	"strings"
	"time"

	"gorm.io/gorm"
)

// sessionRefresh is how often a used session's expiry is pushed back: at
// most once a day, so that pages do not write on every view.
const sessionRefresh = 24 * time.Hour

// CreateSession signs a user in and returns the cookie value; only its
// hash is stored. Expired sessions are cleared on the way.
func (s *Store) CreateSession(userID uint) (string, error) {
	secret, hash, err := newSecret("")
	if err != nil {
		return "", err
	}
	now := time.Now().UTC()
	err = s.w.Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("expires_at < ?", now).Delete(&Session{}).Error; err != nil {
			return err
		}
		return tx.Create(&Session{ID: hash, UserID: userID, CreatedAt: now, ExpiresAt: now.Add(SessionLifetime)}).Error
	})
	if err != nil {
		return "", err
	}
	return secret, nil
}

// SessionUser returns the user a session cookie signs in, or ErrNotFound
// for a cookie that is unknown or expired. A session in use lives on.
func (s *Store) SessionUser(secret string) (*User, error) {
	if secret == "" {
		return nil, ErrNotFound
	}
	var row struct {
		User
		ExpiresAt time.Time
	}
	err := s.r.Table("sessions").Select("users.*, sessions.expires_at").
		Joins("JOIN users ON users.id = sessions.user_id").
		Where("sessions.id = ?", hashSecret(secret)).Limit(1).Scan(&row).Error
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	if row.User.ID == 0 || now.After(row.ExpiresAt) {
		return nil, ErrNotFound
	}
	if row.ExpiresAt.Sub(now) < SessionLifetime-sessionRefresh {
		err := s.w.Model(&Session{}).Where("id = ?", hashSecret(secret)).Update("expires_at", now.Add(SessionLifetime)).Error
		if err != nil {
			return nil, err
		}
	}
	return &row.User, nil
}

// DeleteSession signs a session out.
func (s *Store) DeleteSession(secret string) error {
	return s.w.Where("id = ?", hashSecret(secret)).Delete(&Session{}).Error
}

// SessionCount is how many live sessions a user has.
func (s *Store) SessionCount(userID uint) (int64, error) {
	var n int64
	err := s.r.Model(&Session{}).Where("user_id = ? AND expires_at > ?", userID, time.Now().UTC()).Count(&n).Error
	return n, err
}

// APITokenPrefix starts every API token, so that a leaked one is easy to
// recognise.
const APITokenPrefix = "fq_"

// CreateAPIToken makes a named token for a user and returns its secret,
// which is not stored and cannot be shown again.
func (s *Store) CreateAPIToken(userID uint, name string) (string, *APIToken, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", nil, FieldErrors{"token_name": "Give the token a name, such as the script that will use it."}
	case len([]rune(name)) > 100:
		return "", nil, FieldErrors{"token_name": "Token names may be at most 100 characters long."}
	}
	secret, hash, err := newSecret(APITokenPrefix)
	if err != nil {
		return "", nil, err
	}
	t := &APIToken{UserID: userID, Name: name, Hash: hash, Hint: secret[len(secret)-4:], CreatedAt: time.Now().UTC()}
	if err := s.w.Create(t).Error; err != nil {
		return "", nil, err
	}
	return secret, t, nil
}

// ListAPITokens returns a user's tokens, newest first.
func (s *Store) ListAPITokens(userID uint) ([]APIToken, error) {
	var ts []APIToken
	err := s.r.Where("user_id = ?", userID).Order("id DESC").Find(&ts).Error
	return ts, err
}

// DeleteAPIToken revokes one of a user's tokens; another user's token is
// ErrNotFound.
func (s *Store) DeleteAPIToken(userID, tokenID uint) error {
	res := s.w.Where("id = ? AND user_id = ?", tokenID, userID).Delete(&APIToken{})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// TokenUser returns the user an API token acts for, or ErrNotFound. The
// token's last use is recorded at most once a minute.
func (s *Store) TokenUser(secret string) (*User, error) {
	if !strings.HasPrefix(secret, APITokenPrefix) {
		return nil, ErrNotFound
	}
	var row struct {
		User
		TokenID    uint
		LastUsedAt *time.Time
	}
	hash := hashSecret(secret)
	err := s.r.Table("api_tokens").Select("users.*, api_tokens.id AS token_id, api_tokens.last_used_at").
		Joins("JOIN users ON users.id = api_tokens.user_id").
		Where("api_tokens.hash = ?", hash).Limit(1).Scan(&row).Error
	if err != nil {
		return nil, err
	}
	if row.User.ID == 0 {
		return nil, ErrNotFound
	}
	now := time.Now().UTC()
	if row.LastUsedAt == nil || now.Sub(*row.LastUsedAt) > time.Minute {
		if err := s.w.Model(&APIToken{}).Where("id = ?", row.TokenID).Update("last_used_at", now).Error; err != nil {
			return nil, err
		}
	}
	return &row.User, nil
}

// ClaimGuestAttempts gives a user the attempts a browser took as a guest,
// and returns how many it gave and how many it left with the guest: an
// attempt of a quiz whose attempts the user has used up (counting those
// given before it, oldest first) stays the guest's, so that logging out,
// taking the quiz again as a guest and logging back in does not get round
// the quiz's limit. The quizzes' rows are locked as a start locks them,
// so that a start and a claim at once cannot both take the last attempt.
func (s *Store) ClaimGuestAttempts(guestToken string, userID uint) (claimed, left int64, err error) {
	if guestToken == "" {
		return 0, 0, nil
	}
	err = s.w.Transaction(func(tx *gorm.DB) error {
		var atts []Attempt
		if err := tx.Select("id", "quiz_id").Where("guest_token = ? AND learner_id IS NULL", guestToken).
			Order("started_at, id").Find(&atts).Error; err != nil {
			return err
		}
		allowed := map[uint]int{} // quiz id → attempts allowed
		used := map[uint]int64{}  // quiz id → the user's attempts
		var ids []uint
		for _, a := range atts {
			if a.QuizID == nil {
				ids = append(ids, a.ID)
				continue
			}
			q := *a.QuizID
			if _, seen := allowed[q]; !seen {
				var z Quiz
				if err := tx.Raw("SELECT id, attempts_allowed FROM quizzes WHERE id = ?"+s.engine.forUpdate(), q).Scan(&z).Error; err != nil {
					return err
				}
				allowed[q] = z.AttemptsAllowed
				n, err := quizAttempts(tx, q, Owner{UserID: userID})
				if err != nil {
					return err
				}
				used[q] = n
			}
			if allowed[q] > 0 && used[q] >= int64(allowed[q]) {
				left++
				continue
			}
			used[q]++
			ids = append(ids, a.ID)
		}
		if len(ids) == 0 {
			return nil
		}
		res := tx.Model(&Attempt{}).Where("id IN ?", ids).Updates(map[string]any{"learner_id": userID, "guest_token": ""})
		claimed = res.RowsAffected
		return res.Error
	})
	if err != nil {
		return 0, 0, err
	}
	return claimed, left, nil
}

// GuestAttemptCount is how many attempts a browser took as a guest.
func (s *Store) GuestAttemptCount(guestToken string) (int64, error) {
	if guestToken == "" {
		return 0, nil
	}
	var n int64
	err := s.r.Model(&Attempt{}).Where("guest_token = ? AND learner_id IS NULL", guestToken).Count(&n).Error
	return n, err
}
