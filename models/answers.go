package models

import (
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"

	"factquiz/questions"
)

// Prepare turns what a learner sent into the answer its question takes,
// or says what is wrong with it. It sees the question as the attempt shows
// it (its options in this attempt's order).
type Prepare func(aq *AttemptQuestion) (any, error)

// AnswerResult is the outcome of one answer.
type AnswerResult struct {
	Correct  bool
	Credit   float64 // the share of the mark earned, from 0 to 1
	Reviewed int     // the learner's flashcards the answer reviewed
	Question Question
	Position int
	Finished bool
	QuizID   *uint // the quiz the attempt is of, if any
}

// SubmitAnswer grades and stores an answer in one transaction, and returns
// only once it is committed: an answer that got a result is on disk. The
// last answer of an attempt finishes it. A learner's answer also counts as
// a review of their flashcards of the same fact, in the same transaction. The attempt keeps running counts
// of answers and right answers, so that no answer has to count the others.
func (s *Store) SubmitAnswer(attemptID uint, owner Owner, questionID uint, prepare Prepare) (*AnswerResult, error) {
	var res AnswerResult
	timeUp := false
	err := s.w.Transaction(func(tx *gorm.DB) error {
		var att Attempt
		err := tx.Raw("SELECT id, guest_token, learner_id, total, answered, finished_at, deadline_at, quiz_id FROM attempts WHERE id = ?"+s.engine.forUpdate(), attemptID).
			Row().Scan(&att.ID, &att.GuestToken, &att.LearnerID, &att.Total, &att.Answered, &att.FinishedAt, &att.DeadlineAt, &att.QuizID)
		now := time.Now().UTC()
		switch {
		case errors.Is(err, sql.ErrNoRows) || err == nil && !owner.owns(&att):
			return ErrNotFound
		case err != nil:
			return err
		case att.FinishedAt != nil:
			return ErrFinished
		case att.TimeUp(now):
			// The time is up: the attempt ends here, and this answer is not
			// counted; the finish is committed, the answer is refused.
			timeUp = true
			return tx.Exec("UPDATE attempts SET finished_at = ? WHERE id = ?", *att.DeadlineAt, attemptID).Error
		}
		aq, err := attemptQuestion(tx, attemptID, questionID)
		if err != nil {
			return err
		}
		given, err := prepare(aq)
		if err != nil {
			return err
		}
		credit, givenJSON, err := grade(aq.Question, given)
		if err != nil {
			return err
		}
		correct := credit == 1
		if err := tx.Exec("INSERT INTO responses (attempt_id, question_id, position, given, correct, credit, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
			attemptID, questionID, aq.Position, string(givenJSON), correct, credit, now).Error; err != nil {
			if isUniqueViolation(err) {
				return ErrAlreadyAnswered
			}
			return err
		}
		reviewed := 0
		if att.LearnerID != nil {
			if reviewed, err = feedQuizAnswer(tx, *att.LearnerID, &aq.Question, correct, now); err != nil {
				return err
			}
		}
		res = AnswerResult{Correct: correct, Credit: credit, Reviewed: reviewed, Question: aq.Question, Position: aq.Position, Finished: att.Answered+1 >= att.Total, QuizID: att.QuizID}
		right := 0
		if correct {
			right = 1
		}
		var finishedAt *time.Time
		if res.Finished {
			finishedAt = &now
		}
		return tx.Exec("UPDATE attempts SET answered = answered + 1, score = score + ?, marks = marks + ?, finished_at = COALESCE(?, finished_at) WHERE id = ?",
			right, credit, finishedAt, attemptID).Error
	})
	if err != nil {
		return nil, err
	}
	if timeUp {
		return nil, ErrTimeUp
	}
	return &res, nil
}

// deadlineGrace is how late an answer to a timed quiz may arrive and still
// count: the time it takes to send a form.
const deadlineGrace = 5 * time.Second

// attemptQuestion loads one question of an attempt with its options in
// the attempt's order.
func attemptQuestion(db *gorm.DB, attemptID, questionID uint) (*AttemptQuestion, error) {
	var row struct {
		Question
		AQID       uint
		AQPosition int
		AQOptions  Strings
	}
	res := db.Raw(`SELECT q.*, aq.id AS aq_id, aq.position AS aq_position, aq.options AS aq_options
		FROM attempt_questions aq JOIN questions q ON q.id = aq.question_id
		WHERE aq.attempt_id = ? AND aq.question_id = ?`, attemptID, questionID).Scan(&row)
	if res.Error != nil {
		return nil, res.Error
	}
	if res.RowsAffected == 0 {
		return nil, ErrNotInAttempt
	}
	return &AttemptQuestion{ID: row.AQID, AttemptID: attemptID, Position: row.AQPosition, QuestionID: questionID,
		Options: row.AQOptions, Question: row.Question}, nil
}

// grade works out the credit an answer earns, from 0 to 1, and encodes
// the answer for storage.
func grade(q Question, given any) (float64, []byte, error) {
	eq, err := q.Engine()
	if err != nil {
		return 0, nil, err
	}
	data, err := json.Marshal(given)
	if err != nil {
		return 0, nil, err
	}
	return questions.Credit(eq, given), data, nil
}

// Current is what the question page of an attempt needs: the attempt, its
// article's title, and its first unanswered question (nil once every
// question has an answer).
type Current struct {
	Attempt      Attempt
	ArticleTitle string
	Question     *AttemptQuestion
}

// currentQuestionSQL reads an attempt, its article's title and its first
// unanswered question in one statement: the question page is the page
// learners load most.
const currentQuestionSQL = `SELECT a.id, a.article_id, a.guest_token, a.learner_id, a.total, a.answered, a.score, a.started_at, a.finished_at, a.deadline_at, a.quiz_id, ar.title,
	aq.id, aq.position, aq.options, q.id, q.type, q.prompt, q.answer
FROM attempts a
JOIN articles ar ON ar.id = a.article_id
LEFT JOIN attempt_questions aq ON aq.id = (
	SELECT aq2.id FROM attempt_questions aq2
	WHERE aq2.attempt_id = a.id AND NOT EXISTS (
		SELECT 1 FROM responses r WHERE r.attempt_id = a.id AND r.question_id = aq2.question_id)
	ORDER BY aq2.position LIMIT 1)
LEFT JOIN questions q ON q.id = aq.question_id
WHERE a.id = ?`

// CurrentQuestion loads the question an attempt is at. The question
// carries what the page shows (type, prompt, answer shape), not every
// column.
func (s *Store) CurrentQuestion(attemptID uint, owner Owner) (*Current, error) {
	var (
		cur       Current
		aqID, qID sql.NullInt64
		position  sql.NullInt64
		options   Strings
		qType     sql.NullString
		prompt    sql.NullString
		answer    JSON
		a         = &cur.Attempt
	)
	err := s.current.QueryRow(attemptID).Scan(&a.ID, &a.ArticleID, &a.GuestToken, &a.LearnerID, &a.Total, &a.Answered, &a.Score,
		&a.StartedAt, &a.FinishedAt, &a.DeadlineAt, &a.QuizID, &cur.ArticleTitle, &aqID, &position, &options, &qID, &qType, &prompt, &answer)
	switch {
	case errors.Is(err, sql.ErrNoRows) || err == nil && !owner.owns(a):
		return nil, ErrNotFound
	case err != nil:
		return nil, err
	case a.FinishedAt != nil || !aqID.Valid || a.TimeUp(time.Now()):
		return &cur, nil
	}
	cur.Question = &AttemptQuestion{ID: uint(aqID.Int64), AttemptID: a.ID, Position: int(position.Int64),
		QuestionID: uint(qID.Int64), Options: options,
		Question: Question{ID: uint(qID.Int64), ArticleID: a.ArticleID, Type: qType.String, Prompt: prompt.String, Answer: answer}}
	return &cur, nil
}
