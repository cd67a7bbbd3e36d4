package models

import (
	"cmp"
	"database/sql"
	"encoding/json"
	"errors"
	"time"
)

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

// An answer takes three steps, each a call its handler makes: AnswerTarget
// reads the question it is for, the engine (package questions) decodes and
// grades it, and RecordAnswer stores it.

// RecordAnswer stores an answer to aq, read by AnswerTarget, with the
// credit the engine gave it, and returns only once it is committed: an
// answer that got a result is on disk. The group committer (commit.go)
// writes it with the answers that arrived with it, in one transaction.
// The last answer of an attempt finishes it. A learner's answer also
// counts as a review of their flashcards of the same fact, in the same
// transaction. The attempt keeps running counts of answers and right
// answers, so that no answer has to count the others.
func (s *Store) RecordAnswer(aq *AttemptQuestion, owner Owner, given any, credit float64) (*AnswerResult, error) {
	givenJSON, err := json.Marshal(given)
	if err != nil {
		return nil, err
	}
	w, err := write(s.commits, aq.AttemptID, func(tx *writeTx) (answerWrite, error) {
		return s.writeAnswer(tx, aq, owner, givenJSON, credit)
	})
	switch {
	case err != nil:
		return nil, err
	case w.ended != nil:
		return nil, w.ended
	}
	return w.result, nil
}

// answerWrite is what an answer's write did: it stored the answer, with
// this result, or it found the attempt over and ended it instead (ended
// is ErrTimeUp or ErrQuizEnded): the end is committed, the answer refused.
type answerWrite struct {
	result *AnswerResult
	ended  error
}

// writeAnswer is an answer's part of a group commit.
func (s *Store) writeAnswer(tx *writeTx, aq *AttemptQuestion, owner Owner, givenJSON []byte, credit float64) (answerWrite, error) {
	// The state is read again here, under the write lock: AnswerTarget's
	// read may be a moment old.
	attemptID := aq.AttemptID
	var att Attempt
	var closesAt *time.Time
	err := tx.queryRow(s.engine.lockAttemptSQL(), attemptID).
		Scan(&att.ID, &att.GuestToken, &att.LearnerID, &att.Total, &att.Answered, &att.FinishedAt, &att.DeadlineAt, &att.QuizID, &closesAt)
	now := time.Now().UTC()
	if err := openTo(owner, &att, err); err != nil {
		return answerWrite{}, err
	}
	if att.TimeUp(now) {
		// The time is up: the attempt ends here, and this answer is not
		// counted; the finish is committed, the answer is refused.
		_, err := tx.exec("UPDATE attempts SET finished_at = ? WHERE id = ?", *att.DeadlineAt, attemptID)
		return answerWrite{ended: ErrTimeUp}, err
	}
	if closesAt != nil && now.After(closesAt.Add(deadlineGrace)) {
		// The quiz has closed since the attempt began: the same.
		_, err := tx.exec("UPDATE attempts SET finished_at = ? WHERE id = ?", closesAt.UTC(), attemptID)
		return answerWrite{ended: ErrQuizEnded}, err
	}
	correct := credit == 1
	// ON CONFLICT DO NOTHING: a second answer to the question changes
	// nothing and breaks no transaction, so the batch goes on.
	inserted, err := tx.exec(insertResponseSQL,
		attemptID, aq.QuestionID, aq.Position, string(givenJSON), correct, credit, now)
	if err != nil {
		return answerWrite{}, err
	}
	if n, err := inserted.RowsAffected(); err != nil || n == 0 {
		return answerWrite{}, cmp.Or(err, ErrAlreadyAnswered)
	}
	reviewed := 0
	if att.LearnerID != nil {
		if reviewed, err = feedQuizAnswer(tx.orm(), *att.LearnerID, &aq.Question, correct, now); err != nil {
			return answerWrite{}, err
		}
	}
	finished := att.Answered+1 >= att.Total
	right := 0
	if correct {
		right = 1
	}
	var finishedAt *time.Time
	if finished {
		finishedAt = &now
	}
	if _, err := tx.exec(countAnswerSQL, right, credit, finishedAt, attemptID); err != nil {
		return answerWrite{}, err
	}
	return answerWrite{result: &AnswerResult{Correct: correct, Credit: credit, Reviewed: reviewed, Question: aq.Question,
		Position: aq.Position, Finished: finished, QuizID: att.QuizID}}, nil
}

// The statements of an answer's write, prepared once (answerStatements).
const (
	insertResponseSQL = "INSERT INTO responses (attempt_id, question_id, position, given, correct, credit, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (attempt_id, question_id) DO NOTHING"
	countAnswerSQL    = "UPDATE attempts SET answered = answered + 1, score = score + ?, marks = marks + ?, finished_at = COALESCE(?, finished_at) WHERE id = ?"
)

// lockAttemptSQL reads the attempt an answer is for, and when its quiz
// closes, locking its row on PostgreSQL.
func (e engine) lockAttemptSQL() string {
	lock := e.forUpdate()
	if lock != "" {
		lock += " OF a" // not the quiz, on the nullable side of the join
	}
	return "SELECT a.id, a.guest_token, a.learner_id, a.total, a.answered, a.finished_at, a.deadline_at, a.quiz_id, z.closes_at " +
		"FROM attempts a LEFT JOIN quizzes z ON z.id = a.quiz_id WHERE a.id = ?" + lock
}

// answerStatements are the writer's statements worth preparing once.
func (e engine) answerStatements() []string {
	return []string{e.lockAttemptSQL(), insertResponseSQL, countAnswerSQL}
}

// answerTargetSQL reads what an answer needs before it is written: the
// attempt's owner and state, and the question as the attempt shows it
// (its options in the attempt's order), with the columns that grading,
// the reply, the flashcards and the question form use. Answers are what
// a class sends most, so this is one prepared statement.
const answerTargetSQL = `SELECT a.guest_token, a.learner_id, a.finished_at, aq.id, aq.position, aq.options,
	q.article_id, q.type, q.prompt, q.options, q.answer, q.accepted, COALESCE(q.tolerance, 0), COALESCE(q.source, ''), q.weights,
	EXISTS (SELECT 1 FROM responses r WHERE r.attempt_id = aq.attempt_id AND r.question_id = aq.question_id)
FROM attempt_questions aq
JOIN attempts a ON a.id = aq.attempt_id
JOIN questions q ON q.id = aq.question_id
WHERE aq.attempt_id = ? AND aq.question_id = ?`

// AnswerTarget reads, on a read connection, the question an answer is
// for as the attempt shows it (its options in this attempt's order), after
// checking that the attempt is the owner's and still open, and that the
// question has no answer yet (so that a second answer is refused whatever
// its shape; RecordAnswer checks again).
func (s *Store) AnswerTarget(attemptID uint, owner Owner, questionID uint) (*AttemptQuestion, error) {
	var att Attempt
	var answered bool
	aq := &AttemptQuestion{AttemptID: attemptID, QuestionID: questionID}
	q := &aq.Question
	q.ID = questionID
	err := s.target.QueryRow(attemptID, questionID).Scan(&att.GuestToken, &att.LearnerID, &att.FinishedAt,
		&aq.ID, &aq.Position, &aq.Options,
		&q.ArticleID, &q.Type, &q.Prompt, &q.Options, &q.Answer, &q.Accepted, &q.Tolerance, &q.Source, &q.Weights, &answered)
	if errors.Is(err, sql.ErrNoRows) {
		// No such question in the attempt; is there such an attempt?
		err = s.r.Raw("SELECT guest_token, learner_id, finished_at FROM attempts WHERE id = ?", attemptID).
			Row().Scan(&att.GuestToken, &att.LearnerID, &att.FinishedAt)
		if err == nil && owner.owns(&att) {
			return nil, ErrNotInAttempt
		}
	}
	if err := openTo(owner, &att, err); err != nil {
		return nil, err
	}
	if answered {
		return nil, ErrAlreadyAnswered
	}
	return aq, nil
}

// openTo says whether an answer may go to att, as read with err: ErrNotFound
// unless it exists and is the owner's, ErrFinished once it is finished.
func openTo(owner Owner, att *Attempt, err error) error {
	switch {
	case errors.Is(err, sql.ErrNoRows) || err == nil && !owner.owns(att):
		return ErrNotFound
	case err != nil:
		return err
	case att.FinishedAt != nil:
		return ErrFinished
	}
	return nil
}

// deadlineGrace is how late an answer to a timed quiz may arrive and still
// count: the time it takes to send a form.
const deadlineGrace = 5 * time.Second

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
