package models

import (
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"

	"factquiz/srs"
)

// Queue is what a learner's review session has left today.
type Queue struct {
	Learning int // learning and relearning cards due now
	Review   int // review cards due by the end of today
	New      int // new cards left within today's limit
	Ahead    int // learning cards due within LearnAhead, shown when nothing else is left
	Decks    int // articles the learner has cards of
	Done     int // ratings today, quiz answers included
	NextDue  *time.Time
}

// reviewScope selects a learner's cards that may be rated at now: learning
// cards that are due, review cards due by the end of today.
func reviewScope(db *gorm.DB, userID uint, now time.Time) *gorm.DB {
	return db.Where("cards.user_id = ? AND ((cards.state IN ? AND cards.due <= ?) OR (cards.state = ? AND cards.due < ?))",
		userID, []srs.State{srs.Learning, srs.Relearning}, now.UTC(), srs.Review, dayOf(now).AddDate(0, 0, 1))
}

// newToday is how many new cards a learner saw today.
func newToday(db *gorm.DB, userID uint, now time.Time) (int64, error) {
	var n int64
	err := db.Model(&ReviewLog{}).Where("user_id = ? AND reviewed_at >= ? AND state_before = ?", userID, dayOf(now), srs.New).
		Distinct("card_id").Count(&n).Error
	return n, err
}

func newPerDay(db *gorm.DB, userID uint) (int, error) {
	var n []int
	if err := db.Model(&User{}).Where("id = ?", userID).Pluck("new_per_day", &n).Error; err != nil {
		return 0, err
	}
	if len(n) == 0 {
		return 0, ErrNotFound
	}
	return n[0], nil
}

// ReviewQueue counts what a learner has left to review.
func (s *Store) ReviewQueue(userID uint, now time.Time) (*Queue, error) {
	q := &Queue{}
	var rows []struct {
		State srs.State
		N     int
	}
	if err := reviewScope(s.r.Model(&Card{}), userID, now).Select("state, COUNT(*) AS n").Group("state").Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		if r.State == srs.Review {
			q.Review += r.N
		} else {
			q.Learning += r.N
		}
	}
	newLeft, err := newLeft(s.r, userID, now)
	if err != nil {
		return nil, err
	}
	q.New = newLeft
	var ahead int64
	if err := s.r.Model(&Card{}).Where("user_id = ? AND state IN ? AND due > ? AND due <= ?", userID,
		[]srs.State{srs.Learning, srs.Relearning}, now.UTC(), now.UTC().Add(LearnAhead)).Count(&ahead).Error; err != nil {
		return nil, err
	}
	q.Ahead = int(ahead)
	var decks int64
	if err := s.r.Model(&Card{}).Where("user_id = ?", userID).Distinct("article_id").Count(&decks).Error; err != nil {
		return nil, err
	}
	q.Decks = int(decks)
	var done int64
	if err := s.r.Model(&ReviewLog{}).Where("user_id = ? AND reviewed_at >= ?", userID, dayOf(now)).Count(&done).Error; err != nil {
		return nil, err
	}
	q.Done = int(done)
	var next []time.Time
	if err := s.r.Model(&Card{}).Where("user_id = ? AND state <> ?", userID, srs.New).Order("due").Limit(1).Pluck("due", &next).Error; err != nil {
		return nil, err
	}
	if len(next) > 0 {
		q.NextDue = &next[0]
	}
	return q, nil
}

// newLeft is how many new cards a learner may still start today.
func newLeft(db *gorm.DB, userID uint, now time.Time) (int, error) {
	limit, err := newPerDay(db, userID)
	if err != nil {
		return 0, err
	}
	seen, err := newToday(db, userID, now)
	if err != nil {
		return 0, err
	}
	var available int64
	if err := db.Model(&Card{}).Where("user_id = ? AND state = ?", userID, srs.New).Count(&available).Error; err != nil {
		return 0, err
	}
	return int(min(available, max(0, int64(limit)-seen))), nil
}

// NextCard returns the card a learner should see next: due cards, the most
// overdue first; then new cards within the daily limit, in their article's
// order; then learning cards due within LearnAhead. nil means nothing is
// left today.
func (s *Store) NextCard(userID uint, now time.Time) (*Card, error) {
	var c Card
	res := reviewScope(s.r.Preload("Question"), userID, now).Order("due, id").Limit(1).Find(&c)
	if res.Error != nil || res.RowsAffected > 0 {
		return &c, res.Error
	}
	left, err := newLeft(s.r, userID, now)
	if err != nil {
		return nil, err
	}
	if left > 0 {
		res = s.r.Preload("Question").Where("user_id = ? AND state = ?", userID, srs.New).Order("due, id").Limit(1).Find(&c)
		if res.Error != nil || res.RowsAffected > 0 {
			return &c, res.Error
		}
	}
	res = s.r.Preload("Question").Where("user_id = ? AND state IN ? AND due <= ?", userID,
		[]srs.State{srs.Learning, srs.Relearning}, now.UTC().Add(LearnAhead)).Order("due, id").Limit(1).Find(&c)
	if res.Error != nil || res.RowsAffected > 0 {
		return &c, res.Error
	}
	return nil, nil
}

// GetCard returns one of a learner's cards with its question; another
// learner's card is ErrNotFound.
func (s *Store) GetCard(userID, cardID uint) (*Card, error) {
	var c Card
	res := s.r.Preload("Question").Where("id = ? AND user_id = ?", cardID, userID).Limit(1).Find(&c)
	if res.Error != nil {
		return nil, res.Error
	}
	if res.RowsAffected == 0 {
		return nil, ErrNotFound
	}
	return &c, nil
}

// Rateable says whether one of the learner's cards may be rated at now,
// given what the queue has left: a new card while the day's new cards
// last, a learning card within LearnAhead of its due time, a review card
// due by the end of the day. A card that is not is ErrNotDue or
// ErrNewCardLimit.
func (q *Queue) Rateable(c *Card, now time.Time) error {
	return dueRule(c, now, q.New)
}

func rateable(db *gorm.DB, c *Card, now time.Time) error {
	left := 0
	if c.State == srs.New {
		var err error
		if left, err = newLeft(db, c.UserID, now); err != nil {
			return err
		}
	}
	return dueRule(c, now, left)
}

// dueRule applies the rule of Rateable with the new cards left today.
func dueRule(c *Card, now time.Time, newLeft int) error {
	switch c.State {
	case srs.New:
		if newLeft == 0 {
			return ErrNewCardLimit
		}
	case srs.Learning, srs.Relearning:
		if c.Due.After(now.Add(LearnAhead)) {
			return ErrNotDue
		}
	default:
		if !c.Due.Before(dayOf(now).AddDate(0, 0, 1)) {
			return ErrNotDue
		}
	}
	return nil
}

// Preview is the card after each rating, Again first, with the learner's
// scheduler: what the rating buttons show.
func (s *Store) Preview(c *Card, now time.Time) ([4]srs.Card, error) {
	sched, err := userScheduler(s.r, c.UserID)
	if err != nil {
		return [4]srs.Card{}, err
	}
	return sched.Preview(c.sched(), now), nil
}

// RateCard records a learner's rating of one of their cards and
// reschedules it, in one transaction, and returns once it is committed.
func (s *Store) RateCard(userID, cardID uint, r srs.Rating, now time.Time) (*Card, error) {
	if !r.Valid() {
		return nil, FieldErrors{"rating": "The rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)."}
	}
	// The rating is written by the group committer (commit.go), with the
	// answers and ratings that arrived with it.
	return write(s.commits, cardID, func(wtx *writeTx) (*Card, error) {
		var c Card
		tx := wtx.orm()
		res := tx.Raw("SELECT * FROM cards WHERE id = ? AND user_id = ?"+s.engine.forUpdate(), cardID, userID).Scan(&c)
		if res.Error != nil {
			return nil, res.Error
		}
		if res.RowsAffected == 0 {
			return nil, ErrNotFound
		}
		if err := rateable(tx, &c, now); err != nil {
			return nil, err
		}
		sched, err := userScheduler(tx, userID)
		if err != nil {
			return nil, err
		}
		if err := review(tx, sched, &c, r, now, SourceReview); err != nil {
			return nil, err
		}
		return &c, nil
	})
}

// LastRating returns the card of a learner's latest rating when it can be
// undone: it came from a review session and is the latest review of all.
func (s *Store) LastRating(userID uint) (uint, bool, error) {
	var last ReviewLog
	res := s.r.Select("id, card_id, source").Where("user_id = ?", userID).Order("id DESC").Limit(1).Find(&last)
	if res.Error != nil || res.RowsAffected == 0 || last.Source != SourceReview {
		return 0, false, res.Error
	}
	return last.CardID, true, nil
}

// UndoLastRating takes back a learner's latest rating in a review session,
// restoring its card as it was, and returns the card's id. A quiz answer
// is not undone here, nor a rating followed by another review of its card.
func (s *Store) UndoLastRating(userID uint) (uint, error) {
	var cardID uint
	err := s.w.Transaction(func(tx *gorm.DB) error {
		var last ReviewLog
		res := tx.Where("user_id = ?", userID).Order("id DESC").Limit(1).Find(&last)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 || last.Source != SourceReview {
			return ErrNothingToUndo
		}
		c := Card{ID: last.CardID}
		c.apply(srs.Card(last.Before))
		if err := tx.Model(&c).Select("State", "Step", "Stability", "Difficulty", "Due", "LastReview", "Reps", "Lapses").Updates(&c).Error; err != nil {
			return err
		}
		cardID = last.CardID
		return tx.Delete(&ReviewLog{}, last.ID).Error
	})
	return cardID, err
}

// CardStats are the flashcard figures of a learner's dashboard.
type CardStats struct {
	Cards        int
	DueToday     int
	NewToday     int
	ReviewsToday int
	Passed       int // reviews of Review cards passed in the last 30 days
	Reviewed     int // reviews of Review cards in the last 30 days
	Forecast     [7]int
	Retention    float64 // desired
}

// Stats works out a learner's flashcard figures.
func (s *Store) Stats(userID uint, now time.Time) (*CardStats, error) {
	st := &CardStats{}
	var cards int64
	if err := s.r.Model(&Card{}).Where("user_id = ?", userID).Count(&cards).Error; err != nil {
		return nil, err
	}
	st.Cards = int(cards)
	today := dayOf(now)
	var dues []time.Time
	if err := s.r.Model(&Card{}).Where("user_id = ? AND state <> ? AND due < ?", userID, srs.New, today.AddDate(0, 0, 7)).
		Pluck("due", &dues).Error; err != nil {
		return nil, err
	}
	for _, d := range dues {
		day := max(0, int(dayOf(d).Sub(today).Hours()/24))
		st.Forecast[day]++
	}
	st.DueToday = st.Forecast[0]
	left, err := newLeft(s.r, userID, now)
	if err != nil {
		return nil, err
	}
	st.NewToday = left
	var n int64
	if err := s.r.Model(&ReviewLog{}).Where("user_id = ? AND reviewed_at >= ?", userID, today).Count(&n).Error; err != nil {
		return nil, err
	}
	st.ReviewsToday = int(n)
	var ratings []srs.Rating
	if err := s.r.Model(&ReviewLog{}).Where("user_id = ? AND reviewed_at >= ? AND state_before = ?", userID, now.UTC().AddDate(0, 0, -30), srs.Review).
		Pluck("rating", &ratings).Error; err != nil {
		return nil, err
	}
	for _, r := range ratings {
		st.Reviewed++
		if r != srs.Again {
			st.Passed++
		}
	}
	sched, err := userScheduler(s.r, userID)
	if err != nil {
		return nil, err
	}
	st.Retention = sched.DesiredRetention
	return st, nil
}

// SetFlashcardSettings changes a learner's desired retention and daily
// new cards; wrong values are FieldErrors.
func (s *Store) SetFlashcardSettings(userID uint, retention, newPerDay string) error {
	r, n, errs := parseFlashcardSettings(retention, newPerDay)
	if len(errs) > 0 {
		return errs
	}
	res := s.w.Model(&User{}).Where("id = ?", userID).Updates(map[string]any{"desired_retention": r, "new_per_day": n})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// parseFlashcardSettings reads the desired retention and the daily new
// cards as the profile form sends them; wrong values are FieldErrors.
func parseFlashcardSettings(retention, newPerDay string) (float64, int, FieldErrors) {
	errs := FieldErrors{}
	r, err := strconv.ParseFloat(retention, 64)
	if err != nil || !(r >= MinRetention-1e-9 && r <= MaxRetention+1e-9) { // also NaN
		errs["retention"] = fmt.Sprintf("Desired retention must be a number from %.2f to %.2f, such as 0.90.", MinRetention, MaxRetention)
	}
	n, err := strconv.Atoi(newPerDay)
	if err != nil || n < 0 || n > MaxNewPerDay {
		errs["new_per_day"] = fmt.Sprintf("New cards per day must be a whole number from 0 to %d.", MaxNewPerDay)
	}
	return r, n, errs
}

// CardsByFact maps a learner's cards to their facts, so that a question
// of any type can link to the card of its fact.
func (s *Store) CardsByFact(userID uint) (map[string]uint, error) {
	var rows []struct {
		ID     uint
		Source string
		Answer JSON
	}
	err := s.r.Table("cards").Select("cards.id, q.source, q.answer").Joins("JOIN questions q ON q.id = cards.question_id").
		Where("cards.user_id = ?", userID).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make(map[string]uint, len(rows))
	for _, r := range rows {
		out[r.Source+"\x00"+string(r.Answer)] = r.ID
	}
	return out, nil
}

// FactKey is the fact a question tests: its sentence and its answer.
func FactKey(q *Question) string { return factKey(q) }

// ReviewLogs returns a learner's review history, oldest first.
func (s *Store) ReviewLogs(userID uint) ([]ReviewLog, error) {
	var logs []ReviewLog
	err := s.r.Where("user_id = ?", userID).Order("id").Find(&logs).Error
	return logs, err
}

// CardLogs returns a card's review history, oldest first.
func (s *Store) CardLogs(cardID uint) ([]ReviewLog, error) {
	var logs []ReviewLog
	err := s.r.Where("card_id = ?", cardID).Order("id").Find(&logs).Error
	return logs, err
}
