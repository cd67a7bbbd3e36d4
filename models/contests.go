package models

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"factquiz/questions"
)

// Contest is a learner's claim that a typed answer graded wrong was right
// ("I was right"), and an instructor's decision on it. Rules grade typed
// answers, and rules are sometimes too strict; an accepted contest makes
// the rule more lenient for everyone after.
type Contest struct {
	ID         uint   `gorm:"primaryKey"`
	ResponseID uint   `gorm:"not null;uniqueIndex"` // an answer is contested once
	QuestionID uint   `gorm:"not null;index"`
	AttemptID  uint   `gorm:"not null;index"`
	UserID     uint   `gorm:"not null;index"` // the learner: contests need an account
	Comment    string // the learner's, optional
	Status     string `gorm:"not null;default:open;index"`
	Reason     string // the instructor's, for a rejection
	CreatedAt  time.Time
	DecidedAt  *time.Time
	DecidedBy  *uint
}

// Contest statuses.
const (
	ContestOpen     = "open"
	ContestAccepted = "accepted"
	ContestRejected = "rejected"
)

// Limits of what a contest carries.
const (
	MaxContestComment = 1000 // characters
	MaxContestReason  = 500
)

// Errors of contests. Every refusal to take a contest is
// ErrNotContestable (errors.Is), with a message that says why.
var (
	ErrNotContestable   = errors.New("this answer cannot be contested")
	ErrNotWrong         = notContestable("this answer was graded right: there is nothing to contest")
	ErrNotTyped         = notContestable("only typed answers (fill in the blank, numbers) can be contested")
	ErrAlreadyContested = errors.New("you have already contested this answer")
	ErrContestDecided   = errors.New("this contest has already been decided the other way")

	errNotAnswered = notContestable("this question has no answer to contest")
	errGradeHidden = notContestable("this quiz does not show whether this answer is right, so its grade cannot be contested")
)

// notContestable is a reason an answer cannot be contested.
type notContestable string

func (e notContestable) Error() string { return string(e) }

// Is makes every reason match ErrNotContestable.
func (e notContestable) Is(target error) bool { return target == ErrNotContestable }

// Contestable reports whether answers to questions of a type can be
// contested: typed answers, which rules grade. Chosen answers are right
// or wrong by construction.
func Contestable(questionType string) bool {
	t := questions.Type(questionType)
	return t == questions.FillBlank || t == questions.Numeric
}

// ContestAnswer records that a learner thinks their answer to a question
// of their attempt was right. Only the learner's own wrong typed answers
// whose grade they were shown can be contested, once each.
func (s *Store) ContestAnswer(userID, attemptID, questionID uint, comment string) (*Contest, error) {
	comment = strings.TrimSpace(comment)
	if utf8.RuneCountInString(comment) > MaxContestComment {
		return nil, FieldErrors{"comment": fmt.Sprintf("Comments may be at most %d characters long.", MaxContestComment)}
	}
	var c *Contest
	err := s.w.Transaction(func(tx *gorm.DB) error {
		if err := gradeShown(tx, userID, attemptID); err != nil {
			return err
		}
		var (
			responseID uint
			correct    bool
			qType      string
		)
		err := tx.Raw(`SELECT r.id, r.correct, q.type FROM responses r JOIN questions q ON q.id = r.question_id
			WHERE r.attempt_id = ? AND r.question_id = ?`, attemptID, questionID).Row().Scan(&responseID, &correct, &qType)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return errNotAnswered
		case err != nil:
			return err
		case correct:
			return ErrNotWrong
		case !Contestable(qType):
			return ErrNotTyped
		}
		c = &Contest{ResponseID: responseID, QuestionID: questionID, AttemptID: attemptID, UserID: userID,
			Comment: comment, Status: ContestOpen, CreatedAt: time.Now().UTC()}
		if err := tx.Create(c).Error; err != nil {
			if isUniqueViolation(err) {
				return ErrAlreadyContested
			}
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// gradeShown checks that an attempt is the learner's and that its quiz
// has shown them whether their answers are right: contesting a grade
// would otherwise reveal it.
func gradeShown(tx *gorm.DB, userID, attemptID uint) error {
	var (
		att      Attempt
		feedback sql.NullString
	)
	err := tx.Raw(`SELECT a.learner_id, a.finished_at, a.deadline_at, z.feedback_mode
		FROM attempts a LEFT JOIN quizzes z ON z.id = a.quiz_id WHERE a.id = ?`, attemptID).
		Row().Scan(&att.LearnerID, &att.FinishedAt, &att.DeadlineAt, &feedback)
	switch {
	case errors.Is(err, sql.ErrNoRows) || err == nil && (att.LearnerID == nil || *att.LearnerID != userID):
		return ErrNotFound
	case err != nil:
		return err
	case HidesGrades(feedback.String, &att, time.Now()):
		return errGradeHidden
	}
	return nil
}

// AttemptContests returns the contests of an attempt's answers, by
// question id, for its feedback and results pages.
func (s *Store) AttemptContests(attemptID uint) (map[uint]Contest, error) {
	var cs []Contest
	if err := s.r.Where("attempt_id = ?", attemptID).Find(&cs).Error; err != nil {
		return nil, err
	}
	out := make(map[uint]Contest, len(cs))
	for _, c := range cs {
		out[c.QuestionID] = c
	}
	return out, nil
}

// ContestItem is an open contest as the instructors' queue shows it.
type ContestItem struct {
	Contest
	Question Question // its type, prompt, answer, accepted answers and tolerance
	Given    string   // the answer as the learner gave it
	Learner  string   // the learner's name
}

// OpenContests returns the contests waiting for a decision, question by
// question, oldest first within a question.
func (s *Store) OpenContests() ([]ContestItem, error) {
	rows, err := s.r.Raw(`SELECT c.id, c.response_id, c.question_id, c.attempt_id, c.user_id, c.comment, c.created_at,
			r.given, COALESCE(u.name, ''), q.type, q.prompt, q.answer, q.accepted, q.tolerance
		FROM contests c
		JOIN questions q ON q.id = c.question_id
		LEFT JOIN responses r ON r.id = c.response_id
		LEFT JOIN users u ON u.id = c.user_id
		WHERE c.status = ?
		ORDER BY c.question_id, c.created_at, c.id`, ContestOpen).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []ContestItem
	for rows.Next() {
		var (
			it    ContestItem
			given JSON
			q     = &it.Question
		)
		if err := rows.Scan(&it.ID, &it.ResponseID, &it.QuestionID, &it.AttemptID, &it.UserID, &it.Comment, &it.CreatedAt,
			&given, &it.Learner, &q.Type, &q.Prompt, &q.Answer, &q.Accepted, &q.Tolerance); err != nil {
			return nil, err
		}
		it.Status, q.ID = ContestOpen, it.QuestionID
		it.Given = typedAnswer(given)
		items = append(items, it)
	}
	return items, rows.Err()
}

// AcceptContest decides that a contested answer is right, in one
// transaction: the answer counts as right and its attempt's score goes up
// by one; the answer joins the question's accepted answers, so that later
// learners who give it are graded right; and since the rule changed, the
// other open contests of the same answer to the question are accepted
// too. It returns how many contests it accepted. Accepting an accepted
// contest again changes nothing.
func (s *Store) AcceptContest(contestID, instructorID uint) (int, error) {
	accepted := 0
	err := s.w.Transaction(func(tx *gorm.DB) error {
		c, given, err := contestToDecide(tx, contestID)
		if err != nil {
			return err
		}
		switch c.Status {
		case ContestAccepted:
			return nil
		case ContestRejected:
			return ErrContestDecided
		}
		if len(given) == 0 {
			return fmt.Errorf("accept contest %d: its answer (response %d) no longer exists", c.ID, c.ResponseID)
		}
		text := strings.TrimSpace(typedAnswer(given))
		if err := addAccepted(tx, c.QuestionID, text); err != nil {
			return err
		}
		same, err := openContestsOf(tx, c.QuestionID, text)
		if err != nil {
			return err
		}
		now := time.Now().UTC()
		for _, o := range same {
			if err := acceptOne(tx, o, instructorID, now); err != nil {
				return err
			}
		}
		accepted = len(same)
		return nil
	})
	return accepted, err
}

// contestToDecide loads a contest and the answer it is about (empty when
// that answer is gone).
func contestToDecide(tx *gorm.DB, id uint) (*Contest, JSON, error) {
	var (
		c     Contest
		given JSON
	)
	err := tx.Raw(`SELECT c.id, c.response_id, c.question_id, c.attempt_id, c.status, r.given
		FROM contests c LEFT JOIN responses r ON r.id = c.response_id WHERE c.id = ?`, id).
		Row().Scan(&c.ID, &c.ResponseID, &c.QuestionID, &c.AttemptID, &c.Status, &given)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, ErrNotFound
	}
	if err != nil {
		return nil, nil, err
	}
	return &c, given, nil
}

// addAccepted adds an answer to a question's accepted answers, unless it
// is there already in another case.
func addAccepted(tx *gorm.DB, questionID uint, answer string) error {
	if strings.TrimSpace(answer) == "" {
		return nil
	}
	var q Question
	res := tx.Select("id", "accepted").Limit(1).Find(&q, questionID)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("accept an answer to question %d: the question no longer exists", questionID)
	}
	if slices.ContainsFunc(q.Accepted, func(a string) bool { return strings.EqualFold(a, answer) }) {
		return nil
	}
	return tx.Model(&q).Update("accepted", append(q.Accepted, answer)).Error
}

// openContestsOf returns the open contests of a question whose answer is
// the same as given once normalised.
func openContestsOf(tx *gorm.DB, questionID uint, given string) ([]Contest, error) {
	rows, err := tx.Raw(`SELECT c.id, c.response_id, c.attempt_id, r.given
		FROM contests c JOIN responses r ON r.id = c.response_id
		WHERE c.question_id = ? AND c.status = ?`, questionID, ContestOpen).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	want := questions.NormalizeAnswer(given)
	var out []Contest
	for rows.Next() {
		var (
			c Contest
			g JSON
		)
		if err := rows.Scan(&c.ID, &c.ResponseID, &c.AttemptID, &g); err != nil {
			return nil, err
		}
		if questions.NormalizeAnswer(typedAnswer(g)) == want {
			out = append(out, c)
		}
	}
	return out, rows.Err()
}

// acceptOne accepts one open contest: its answer becomes right and its
// attempt's score counts it, once.
func acceptOne(tx *gorm.DB, c Contest, instructorID uint, now time.Time) error {
	if err := tx.Exec("UPDATE contests SET status = ?, decided_at = ?, decided_by = ? WHERE id = ? AND status = ?",
		ContestAccepted, now, instructorID, c.ID, ContestOpen).Error; err != nil {
		return err
	}
	res := tx.Exec("UPDATE responses SET correct = ? WHERE id = ? AND NOT correct", true, c.ResponseID)
	if res.Error != nil || res.RowsAffected == 0 {
		return res.Error // already right: the score counts it
	}
	res = tx.Exec("UPDATE attempts SET score = score + 1, marks = marks + 1 - (SELECT credit FROM responses WHERE id = ?) WHERE id = ?", c.ResponseID, c.AttemptID)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("accept contest %d: its attempt %d no longer exists", c.ID, c.AttemptID)
	}
	return tx.Exec("UPDATE responses SET credit = 1 WHERE id = ?", c.ResponseID).Error
}

// RejectContest decides that a contested answer is wrong, with the reason
// the learner is shown. Rejecting a rejected contest again changes
// nothing.
func (s *Store) RejectContest(contestID, instructorID uint, reason string) error {
	reason = strings.TrimSpace(reason)
	return s.w.Transaction(func(tx *gorm.DB) error {
		var c Contest
		res := tx.Select("id", "status").Limit(1).Find(&c, contestID)
		switch {
		case res.Error != nil:
			return res.Error
		case res.RowsAffected == 0:
			return ErrNotFound
		case c.Status == ContestRejected:
			return nil
		case c.Status == ContestAccepted:
			return ErrContestDecided
		case reason == "":
			return FieldErrors{"reason": "Say why the answer is wrong: the learner sees your reason."}
		case utf8.RuneCountInString(reason) > MaxContestReason:
			return FieldErrors{"reason": fmt.Sprintf("Reasons may be at most %d characters long.", MaxContestReason)}
		}
		return tx.Exec("UPDATE contests SET status = ?, reason = ?, decided_at = ?, decided_by = ? WHERE id = ?",
			ContestRejected, reason, time.Now().UTC(), instructorID, contestID).Error
	})
}

// typedAnswer writes a stored answer as the learner typed it.
func typedAnswer(raw JSON) string {
	var given any
	if err := json.Unmarshal(raw, &given); err != nil {
		return string(raw)
	}
	return questions.FormatGiven(given)
}
