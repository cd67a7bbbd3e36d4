package models

import (
	"time"

	"gorm.io/gorm"

	"factquiz/srs"
)

// Deck is a learner's standing on an article's flashcards.
type Deck struct {
	InDeck bool // the learner has added the article's cards
	Cards  int  // cards the deck has, or would have once added
	Due    int  // cards due by the end of today
}

// DeckOf says whether a learner has an article's deck and how big it is.
func (s *Store) DeckOf(userID, articleID uint, now time.Time) (Deck, error) {
	var d Deck
	var have int64
	if err := s.r.Model(&Card{}).Where("user_id = ? AND article_id = ?", userID, articleID).Count(&have).Error; err != nil {
		return d, err
	}
	if have > 0 {
		var due int64
		err := s.r.Model(&Card{}).Where("user_id = ? AND article_id = ? AND state <> ? AND due < ?",
			userID, articleID, srs.New, dayOf(now).AddDate(0, 0, 1)).Count(&due).Error
		return Deck{InDeck: true, Cards: int(have), Due: int(due)}, err
	}
	var n int64
	err := practicable(s.r.Model(&Question{}).Where("article_id = ? AND type IN ?", articleID, cardTypes)).Count(&n).Error
	return Deck{Cards: int(n)}, err
}

// AddDeck gives a learner a card for every question of an article with a
// typed answer that they lack and may practise (see practicable), and
// returns how many were added. The learner's earlier quiz answers on
// those facts are replayed as reviews, oldest first, so a new card starts
// from what the learner has shown.
func (s *Store) AddDeck(userID, articleID uint, now time.Time) (int, error) {
	if _, err := s.ArticleTitle(articleID); err != nil {
		return 0, err
	}
	added := 0
	err := s.w.Transaction(func(tx *gorm.DB) error {
		var qs []Question
		err := practicable(tx.Where("article_id = ? AND type IN ? AND id NOT IN (SELECT question_id FROM cards WHERE user_id = ?)",
			articleID, cardTypes, userID)).Order("position").Find(&qs).Error
		if err != nil || len(qs) == 0 {
			return err
		}
		cards := make([]Card, len(qs))
		for i, q := range qs {
			// New cards are due in the order of the article's questions.
			cards[i] = Card{UserID: userID, QuestionID: q.ID, ArticleID: articleID, Due: now.UTC().Add(time.Duration(i) * time.Millisecond), CreatedAt: now.UTC()}
		}
		if err := tx.Omit("Question").Create(&cards).Error; err != nil {
			return err
		}
		added = len(cards)
		return replayQuizzes(tx, userID, articleID, qs, cards)
	})
	return added, err
}

// replayQuizzes reviews new cards with the learner's past quiz answers on
// their facts: right is Good, wrong is Again.
func replayQuizzes(tx *gorm.DB, userID, articleID uint, qs []Question, cards []Card) error {
	var answers []struct {
		Source     string
		Answer     JSON
		Correct    bool
		AnsweredAt time.Time
	}
	err := tx.Table("responses r").Select("q.source, q.answer, r.correct, r.answered_at").
		Joins("JOIN attempts a ON a.id = r.attempt_id").Joins("JOIN questions q ON q.id = r.question_id").
		Where("a.learner_id = ? AND q.article_id = ?", userID, articleID).Order("r.answered_at, r.id").Scan(&answers).Error
	if err != nil || len(answers) == 0 {
		return err
	}
	byFact := map[string][]int{}
	for i := range qs {
		k := factKey(&qs[i])
		byFact[k] = append(byFact[k], i)
	}
	sched, err := userScheduler(tx, userID)
	if err != nil {
		return err
	}
	for _, a := range answers {
		for _, i := range byFact[a.Source+"\x00"+string(a.Answer)] {
			if err := review(tx, sched, &cards[i], quizRating(a.Correct), a.AnsweredAt, SourceQuiz); err != nil {
				return err
			}
		}
	}
	return nil
}

func quizRating(correct bool) srs.Rating {
	if correct {
		return srs.Good
	}
	return srs.Again
}

func userScheduler(tx *gorm.DB, userID uint) (srs.Scheduler, error) {
	var retention []float64
	if err := tx.Model(&User{}).Where("id = ?", userID).Pluck("desired_retention", &retention).Error; err != nil {
		return srs.Scheduler{}, err
	}
	if len(retention) == 0 {
		return scheduler(DefaultRetention), nil
	}
	return scheduler(retention[0]), nil
}

// feedQuizAnswer counts a learner's quiz answer as a review of their cards
// of the same fact (right is Good, wrong is Again), and returns how many.
func feedQuizAnswer(tx *gorm.DB, userID uint, q *Question, correct bool, now time.Time) (int, error) {
	var cards []Card
	err := tx.Model(&Card{}).Joins("JOIN questions q ON q.id = cards.question_id").
		Where("cards.user_id = ? AND cards.article_id = ? AND q.source = ? AND q.answer = ?", userID, q.ArticleID, q.Source, q.Answer).
		Find(&cards).Error
	if err != nil || len(cards) == 0 {
		return 0, err
	}
	sched, err := userScheduler(tx, userID)
	if err != nil {
		return 0, err
	}
	for i := range cards {
		if err := review(tx, sched, &cards[i], quizRating(correct), now, SourceQuiz); err != nil {
			return 0, err
		}
	}
	return len(cards), nil
}

// DeckCards returns a learner's cards of an article with their questions,
// in the article's order, for export.
func (s *Store) DeckCards(userID, articleID uint) ([]Card, error) {
	var cards []Card
	err := s.r.Preload("Question").Joins("JOIN questions q ON q.id = cards.question_id").
		Where("cards.user_id = ? AND cards.article_id = ?", userID, articleID).Order("q.position").Find(&cards).Error
	return cards, err
}
