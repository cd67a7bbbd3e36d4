package models

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"factquiz/questions"
)

// contestArticle stores an article with one question of each kind a
// contest cares about, so that every attempt of it asks all three.
func contestArticle(t *testing.T, s *Store) *Article {
	t.Helper()
	a, err := s.CreateArticle(&questions.Article{Title: "Raid"}, "= Raid =\nThey reached Niamey.", []questions.Question{
		{ID: "blank", Type: questions.FillBlank, Prompt: "They reached _____.", Answer: "Niamey", Source: "They reached Niamey."},
		{ID: "choice", Type: questions.MultipleChoice, Prompt: "Which city did they reach?", Options: []string{"Niamey", "Gao", "Agadez"},
			Answer: "Niamey", Source: "They reached Niamey at last."},
		{ID: "number", Type: questions.Numeric, Prompt: "How many men raided?", Answer: "6", Source: "Six men raided."},
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// contestAttempt is an attempt of the contest article by a new learner,
// answered with what answers says for each question type (a wrong answer
// to any type missing from it).
func contestAttempt(t *testing.T, s *Store, a *Article, email string, answers map[string]string) (*User, *AttemptView) {
	t.Helper()
	u, err := s.CreateUser(NewUser{Email: email, Password: "long enough"})
	if err != nil {
		t.Fatal(err)
	}
	me := Owner{UserID: u.ID}
	v, err := s.StartAttempt(a.ID, 10, me)
	if err != nil {
		t.Fatal(err)
	}
	for _, aq := range v.Questions {
		ans, ok := answers[aq.Question.Type]
		if !ok {
			ans = "zzzz 987654321"
		}
		if _, err := submit(s, v.Attempt.ID, me, aq.QuestionID, given(ans)); err != nil {
			t.Fatal(err)
		}
	}
	v, err = s.GetAttempt(v.Attempt.ID, me)
	if err != nil {
		t.Fatal(err)
	}
	return u, v
}

// questionOf returns the attempt's question of a type.
func questionOf(t *testing.T, v *AttemptView, typ questions.Type) Question {
	t.Helper()
	for _, aq := range v.Questions {
		if aq.Question.Type == string(typ) {
			return aq.Question
		}
	}
	t.Fatalf("the attempt has no %s question", typ)
	return Question{}
}

func TestContestAnswer(t *testing.T) {
	s := openTest(t)
	a := contestArticle(t, s)
	ann, v := contestAttempt(t, s, a, "ann@example.com", map[string]string{"fill_blank": "Niamey, Niger", "multiple_choice": "Gao"})
	bob, bv := contestAttempt(t, s, a, "bob@example.com", map[string]string{"fill_blank": "Niamey"})
	blank := questionOf(t, v, questions.FillBlank)
	choice := questionOf(t, v, questions.MultipleChoice)
	number := questionOf(t, v, questions.Numeric)

	c, err := s.ContestAnswer(ann.ID, v.Attempt.ID, blank.ID, "  Niamey is in Niger.  ")
	if err != nil {
		t.Fatal(err)
	}
	want := Contest{ResponseID: v.Responses[blank.ID].ID, QuestionID: blank.ID, AttemptID: v.Attempt.ID, UserID: ann.ID,
		Comment: "Niamey is in Niger.", Status: ContestOpen}
	if got := *c; got.ID == 0 || got.CreatedAt.IsZero() || got.DecidedAt != nil ||
		got.ResponseID != want.ResponseID || got.QuestionID != want.QuestionID || got.AttemptID != want.AttemptID ||
		got.UserID != want.UserID || got.Comment != want.Comment || got.Status != want.Status {
		t.Errorf("contest %+v, want %+v", got, want)
	}
	if _, err := s.ContestAnswer(ann.ID, v.Attempt.ID, number.ID, ""); err != nil {
		t.Errorf("a wrong number: %v", err)
	}

	long := strings.Repeat("é", MaxContestComment)
	var fe FieldErrors
	for _, tt := range []struct {
		name              string
		user, attempt, qn uint
		comment           string
		want              error
	}{
		{"twice", ann.ID, v.Attempt.ID, blank.ID, "again", ErrAlreadyContested},
		{"another learner's answer", bob.ID, v.Attempt.ID, blank.ID, "", ErrNotFound},
		{"an attempt that does not exist", ann.ID, 999999, blank.ID, "", ErrNotFound},
		{"a right answer", bob.ID, bv.Attempt.ID, blank.ID, "", ErrNotWrong},
		{"a multiple choice", ann.ID, v.Attempt.ID, choice.ID, "", ErrNotTyped},
		{"a question not in the attempt", ann.ID, v.Attempt.ID, 999999, "", ErrNotContestable},
	} {
		if _, err := s.ContestAnswer(tt.user, tt.attempt, tt.qn, tt.comment); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
	if _, err := s.ContestAnswer(bob.ID, bv.Attempt.ID, number.ID, long+"x"); !errors.As(err, &fe) || fe["comment"] == "" {
		t.Errorf("a comment of %d characters: %v", MaxContestComment+1, err)
	}
	if _, err := s.ContestAnswer(bob.ID, bv.Attempt.ID, number.ID, long); err != nil {
		t.Errorf("a comment of %d characters (%d bytes): %v", MaxContestComment, len(long), err)
	}
	if !errors.Is(ErrNotWrong, ErrNotContestable) || !errors.Is(ErrNotTyped, ErrNotContestable) {
		t.Error("the reasons are not ErrNotContestable")
	}

	cs, err := s.AttemptContests(v.Attempt.ID)
	if err != nil || len(cs) != 2 || cs[blank.ID].ID != c.ID || cs[number.ID].Status != ContestOpen {
		t.Errorf("the attempt's contests: %+v, %v", cs, err)
	}
	if cs, _ := s.AttemptContests(bv.Attempt.ID); len(cs) != 1 || cs[number.ID].UserID != bob.ID {
		t.Errorf("Bob's attempt's contests: %+v", cs)
	}
}

// TestContestNeedsTheGradeShown: a quiz that hides grades, for good or
// until it is finished, does not let them be found out by contesting.
func TestContestNeedsTheGradeShown(t *testing.T) {
	s := openTest(t)
	a := contestArticle(t, s)
	ann, err := s.CreateUser(NewUser{Email: "ann@example.com", Password: "long enough"})
	if err != nil {
		t.Fatal(err)
	}
	me := Owner{UserID: ann.ID}
	for _, mode := range []string{FeedbackNever, FeedbackEnd} {
		z, err := s.CreateQuiz(ann.ID, QuizSettings{Name: "Quiz " + mode, RuleCount: 3, RuleArticles: []uint{a.ID}, FeedbackMode: mode})
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.StartQuizAttempt(z, me, z.CreatedAt)
		if err != nil {
			t.Fatal(err)
		}
		blank := questionOf(t, v, questions.FillBlank)
		if _, err := submit(s, v.Attempt.ID, me, blank.ID, given("Niamey, Niger")); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ContestAnswer(ann.ID, v.Attempt.ID, blank.ID, ""); !errors.Is(err, ErrNotContestable) {
			t.Errorf("feedback %s, unfinished: %v", mode, err)
		}
		for _, aq := range v.Questions {
			if aq.QuestionID != blank.ID {
				if _, err := submit(s, v.Attempt.ID, me, aq.QuestionID, given("x")); err != nil {
					t.Fatal(err)
				}
			}
		}
		_, err = s.ContestAnswer(ann.ID, v.Attempt.ID, blank.ID, "")
		if mode == FeedbackNever && !errors.Is(err, ErrNotContestable) || mode == FeedbackEnd && err != nil {
			t.Errorf("feedback %s, finished: %v", mode, err)
		}
	}
}

func TestAcceptContest(t *testing.T) {
	s := openTest(t)
	a := contestArticle(t, s)
	teacher, _ := s.CreateUser(NewUser{Email: "teacher@example.com", Password: "long enough", Role: RoleInstructor})
	ann, v := contestAttempt(t, s, a, "ann@example.com", map[string]string{"fill_blank": "Niamey, Niger"})
	cat, cv := contestAttempt(t, s, a, "cat@example.com", map[string]string{"fill_blank": "niamey niger"})
	dan, dv := contestAttempt(t, s, a, "dan@example.com", map[string]string{"fill_blank": "Agadez"})
	blank := questionOf(t, v, questions.FillBlank)
	contest := func(u *User, v *AttemptView) *Contest {
		t.Helper()
		c, err := s.ContestAnswer(u.ID, v.Attempt.ID, blank.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	annC, catC, danC := contest(ann, v), contest(cat, cv), contest(dan, dv)
	if items, err := s.OpenContests(); err != nil || len(items) != 3 {
		t.Fatalf("open contests: %d, %v", len(items), err)
	}

	n, err := s.AcceptContest(annC.ID, teacher.ID)
	if err != nil || n != 2 {
		t.Fatalf("accept: %d accepted, %v; want Ann's and Cat's, the same answer", n, err)
	}
	for _, tt := range []struct {
		who    string
		owner  Owner
		before *AttemptView
		right  bool
	}{
		{"Ann", Owner{UserID: ann.ID}, v, true},
		{"Cat", Owner{UserID: cat.ID}, cv, true},
		{"Dan", Owner{UserID: dan.ID}, dv, false},
	} {
		after, err := s.GetAttempt(tt.before.Attempt.ID, tt.owner)
		if err != nil {
			t.Fatal(err)
		}
		bump := map[bool]int{true: 1, false: 0}[tt.right]
		if after.Responses[blank.ID].Correct != tt.right || after.Attempt.Score != tt.before.Attempt.Score+bump || after.Correct() != after.Attempt.Score {
			t.Errorf("%s: right %v, score %d (was %d, %d right answers); want right %v", tt.who, after.Responses[blank.ID].Correct,
				after.Attempt.Score, tt.before.Attempt.Score, after.Correct(), tt.right)
		}
	}
	cs, _ := s.AttemptContests(v.Attempt.ID)
	if c := cs[blank.ID]; c.Status != ContestAccepted || c.DecidedAt == nil || c.DecidedBy == nil || *c.DecidedBy != teacher.ID {
		t.Errorf("Ann's contest after accepting: %+v", c)
	}
	q, _ := s.GetQuestion(blank.ID)
	if !slices.Equal(q.Accepted, []string{"Niamey, Niger"}) {
		t.Errorf("accepted answers %q, want the contested answer once", q.Accepted)
	}
	if items, _ := s.OpenContests(); len(items) != 1 || items[0].ID != danC.ID {
		t.Errorf("open contests after accepting: %+v", items)
	}

	// Deciding again: the same way changes nothing, the other way is
	// refused.
	if n, err := s.AcceptContest(catC.ID, teacher.ID); err != nil || n != 0 {
		t.Errorf("accepting again: %d, %v", n, err)
	}
	if again, _ := s.GetAttempt(v.Attempt.ID, Owner{UserID: ann.ID}); again.Attempt.Score != v.Attempt.Score+1 {
		t.Errorf("accepting again changed the score to %d", again.Attempt.Score)
	}
	if err := s.RejectContest(annC.ID, teacher.ID, "No."); !errors.Is(err, ErrContestDecided) {
		t.Errorf("rejecting an accepted contest: %v", err)
	}
	if _, err := s.AcceptContest(999999, teacher.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("accepting a contest that does not exist: %v", err)
	}

	// The rule changed: a later learner giving the same answer is right.
	_, ev := contestAttempt(t, s, a, "eve@example.com", map[string]string{"fill_blank": "NIAMEY, Niger"})
	if !ev.Responses[blank.ID].Correct {
		t.Error("a new attempt with the accepted answer is graded wrong")
	}
}

func TestRejectContest(t *testing.T) {
	s := openTest(t)
	a := contestArticle(t, s)
	teacher, _ := s.CreateUser(NewUser{Email: "teacher@example.com", Password: "long enough", Role: RoleInstructor})
	ann, v := contestAttempt(t, s, a, "ann@example.com", map[string]string{"fill_blank": "Agadez"})
	blank := questionOf(t, v, questions.FillBlank)
	c, err := s.ContestAnswer(ann.ID, v.Attempt.ID, blank.ID, "Close enough?")
	if err != nil {
		t.Fatal(err)
	}
	var fe FieldErrors
	for _, reason := range []string{"", "   ", strings.Repeat("é", MaxContestReason+1)} {
		if err := s.RejectContest(c.ID, teacher.ID, reason); !errors.As(err, &fe) || fe["reason"] == "" {
			t.Errorf("reason of %d characters: %v", len(reason), err)
		}
	}
	if err := s.RejectContest(999999, teacher.ID, "No."); !errors.Is(err, ErrNotFound) {
		t.Errorf("rejecting a contest that does not exist: %v", err)
	}
	if err := s.RejectContest(c.ID, teacher.ID, "  Agadez is another city.  "); err != nil {
		t.Fatal(err)
	}
	cs, _ := s.AttemptContests(v.Attempt.ID)
	if got := cs[blank.ID]; got.Status != ContestRejected || got.Reason != "Agadez is another city." || got.DecidedAt == nil || *got.DecidedBy != teacher.ID {
		t.Errorf("after rejecting: %+v", got)
	}
	if err := s.RejectContest(c.ID, teacher.ID, "Twice."); err != nil {
		t.Errorf("rejecting again: %v", err)
	}
	if _, err := s.AcceptContest(c.ID, teacher.ID); !errors.Is(err, ErrContestDecided) {
		t.Errorf("accepting a rejected contest: %v", err)
	}
	after, _ := s.GetAttempt(v.Attempt.ID, Owner{UserID: ann.ID})
	q, _ := s.GetQuestion(blank.ID)
	if after.Responses[blank.ID].Correct || after.Attempt.Score != v.Attempt.Score || len(q.Accepted) != 0 {
		t.Errorf("a rejection changed the grade: right %v, score %d, accepted %q", after.Responses[blank.ID].Correct, after.Attempt.Score, q.Accepted)
	}
	if items, _ := s.OpenContests(); len(items) != 0 {
		t.Errorf("open contests after rejecting: %+v", items)
	}
}

func TestOpenContestsByQuestion(t *testing.T) {
	s := openTest(t)
	a := contestArticle(t, s)
	wrong := map[string]string{"fill_blank": "Agadez", "numeric": "7 men"}
	ann, v := contestAttempt(t, s, a, "ann@example.com", wrong)
	bob, bv := contestAttempt(t, s, a, "bob@example.com", wrong)
	blank, number := questionOf(t, v, questions.FillBlank), questionOf(t, v, questions.Numeric)
	for _, c := range []struct {
		u *User
		v *AttemptView
		q uint
	}{{bob, bv, number.ID}, {ann, v, blank.ID}, {ann, v, number.ID}, {bob, bv, blank.ID}} {
		if _, err := s.ContestAnswer(c.u.ID, c.v.Attempt.ID, c.q, "mine: "+c.u.Email); err != nil {
			t.Fatal(err)
		}
	}
	items, err := s.OpenContests()
	if err != nil || len(items) != 4 {
		t.Fatalf("%d open contests, %v", len(items), err)
	}
	var got []string
	for _, it := range items {
		got = append(got, it.Question.Prompt+" / "+it.Learner+" / "+it.Given+" / "+it.Comment)
		if it.QuestionID != it.Question.ID || it.Question.Type == "" || len(it.Question.Answer) == 0 || it.CreatedAt.IsZero() {
			t.Errorf("item %+v lacks what the queue shows", it)
		}
	}
	// Question by question (the blank was stored first), oldest first.
	want := []string{
		"They reached _____. / ann / Agadez / mine: ann@example.com",
		"They reached _____. / bob / Agadez / mine: bob@example.com",
		"How many men raided? / bob / 7 men / mine: bob@example.com",
		"How many men raided? / ann / 7 men / mine: ann@example.com",
	}
	if !slices.Equal(got, want) {
		t.Errorf("queue\n%q\nwant\n%q", got, want)
	}
}

// TestAcceptContestIsOneTransaction: when any part of accepting fails,
// nothing of it stays.
func TestAcceptContestIsOneTransaction(t *testing.T) {
	s := openTest(t)
	a := contestArticle(t, s)
	teacher, _ := s.CreateUser(NewUser{Email: "teacher@example.com", Password: "long enough", Role: RoleInstructor})
	ann, v := contestAttempt(t, s, a, "ann@example.com", map[string]string{"fill_blank": "Niamey, Niger"})
	bob, bv := contestAttempt(t, s, a, "bob@example.com", map[string]string{"fill_blank": "Niamey, Niger"})
	cat, cv := contestAttempt(t, s, a, "cat@example.com", map[string]string{"fill_blank": "Zinder"})
	blank := questionOf(t, v, questions.FillBlank)
	annC, err := s.ContestAnswer(ann.ID, v.Attempt.ID, blank.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ContestAnswer(bob.ID, bv.Attempt.ID, blank.ID, ""); err != nil {
		t.Fatal(err)
	}
	catC, err := s.ContestAnswer(cat.ID, cv.Attempt.ID, blank.ID, "")
	if err != nil {
		t.Fatal(err)
	}

	unchanged := func(when string) {
		t.Helper()
		for _, c := range []struct {
			o Owner
			v *AttemptView
		}{{Owner{UserID: ann.ID}, v}, {Owner{UserID: bob.ID}, bv}, {Owner{UserID: cat.ID}, cv}} {
			after, err := s.GetAttempt(c.v.Attempt.ID, c.o)
			if errors.Is(err, ErrNotFound) {
				continue // the attempt the test broke
			}
			if err != nil {
				t.Fatal(err)
			}
			if after.Attempt.Score != c.v.Attempt.Score || after.Responses[blank.ID].Correct {
				t.Errorf("%s: attempt %d: score %d (was %d), right %v", when, c.v.Attempt.ID, after.Attempt.Score, c.v.Attempt.Score, after.Responses[blank.ID].Correct)
			}
		}
		q, _ := s.GetQuestion(blank.ID)
		if len(q.Accepted) != 0 {
			t.Errorf("%s: accepted answers %q", when, q.Accepted)
		}
		if items, _ := s.OpenContests(); len(items) != 3 {
			t.Errorf("%s: %d open contests, want all 3", when, len(items))
		}
	}

	// Bob's attempt is gone: Ann's contest, accepted first, and the
	// question's accepted answers are rolled back with his.
	if err := s.w.Exec("DELETE FROM attempts WHERE id = ?", bv.Attempt.ID).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := s.AcceptContest(annC.ID, teacher.ID); err == nil {
		t.Error("accepting with a sibling's attempt gone succeeded")
	}
	unchanged("sibling's attempt gone")

	// Cat's answer is gone: nothing says what to accept.
	if err := s.w.Exec("DELETE FROM responses WHERE id = ?", catC.ResponseID).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := s.AcceptContest(catC.ID, teacher.ID); err == nil || errors.Is(err, ErrNotFound) {
		t.Errorf("accepting a contest whose answer is gone: %v", err)
	}
	unchanged("answer gone")
}
