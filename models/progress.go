package models

import (
	"sort"
	"time"
)

// Progress is a learner's record: every attempt, a standing per article,
// daily activity and the questions they miss most.
type Progress struct {
	Attempts []AttemptSummary // oldest first
	Articles []ArticleProgress
	Answers  int
	Correct  int
	Days     []string // the UTC days with an answer, "2006-01-02", oldest first
	Weak     []WeakSpot
}

// AttemptSummary is one attempt in a learner's record.
type AttemptSummary struct {
	ID           uint
	ArticleID    uint
	ArticleTitle string
	Total        int
	Answered     int
	Score        int
	StartedAt    time.Time
	FinishedAt   *time.Time
}

// ArticleProgress is a learner's standing on one article. A fact is what
// a question tests: its source sentence and its answer, so that a
// multiple-choice and a fill-in question on the same blank are one fact.
// A fact is mastered when the latest answer to any of its questions was
// right.
type ArticleProgress struct {
	ArticleID   uint
	Title       string
	Attempts    int
	Finished    int
	Best, Last  int // percent of finished attempts
	Facts       int
	Mastered    int
	LastStudied time.Time
}

// Mastery is the share of the article's facts mastered, 0–100.
func (a ArticleProgress) Mastery() int {
	if a.Facts == 0 {
		return 0
	}
	return a.Mastered * 100 / a.Facts
}

// WeakSpot is a question a learner got wrong, with how often.
type WeakSpot struct {
	Question     Question
	ArticleTitle string
	Misses       int
	Tries        int
	LastRight    bool
	LastMissed   time.Time
}

// maxWeakSpots is how many weak spots a record lists.
const maxWeakSpots = 10

type answerRow struct {
	QuestionID uint
	ArticleID  uint
	Correct    bool
	AnsweredAt time.Time
	Sealed     bool // its grade is not for the learner (yet)
}

// sealedAnswer is SQL that is true for a response whose grade its quiz
// does not show the learner: every answer of a quiz whose feedback is
// "never", and those of a quiz whose feedback is "at the end" until its
// attempt is finished. It needs attempts as a and a LEFT JOIN of quizzes
// as z.
const sealedAnswer = "(z.feedback_mode = '" + FeedbackNever + "' OR (z.feedback_mode = '" + FeedbackEnd + "' AND a.finished_at IS NULL))"

// Progress loads a learner's record. With sealed (the learner's own view),
// answers whose grade their quiz keeps from the learner count only
// towards the days studied: not as answers, right or wrong, nor towards
// weak spots or mastery, so that the record cannot be read for them; an
// instructor's view has them all.
func (s *Store) Progress(userID uint, sealed bool) (*Progress, error) {
	p := &Progress{}
	err := s.r.Table("attempts a").
		Select("a.id, a.article_id, ar.title AS article_title, a.total, a.answered, a.score, a.started_at, a.finished_at").
		Joins("JOIN articles ar ON ar.id = a.article_id").
		Where("a.learner_id = ?", userID).Order("a.started_at, a.id").Scan(&p.Attempts).Error
	if err != nil {
		return nil, err
	}
	var answers []answerRow
	err = s.r.Table("responses r").Select("r.question_id, a.article_id, r.correct, r.answered_at, "+sealedAnswer+" AS sealed").
		Joins("JOIN attempts a ON a.id = r.attempt_id").Joins("LEFT JOIN quizzes z ON z.id = a.quiz_id").
		Where("a.learner_id = ?", userID).Order("r.answered_at, r.id").Scan(&answers).Error
	if err != nil {
		return nil, err
	}
	articleIDs := map[uint]bool{}
	for _, a := range p.Attempts {
		articleIDs[a.ArticleID] = true
	}
	var qs []Question
	if len(articleIDs) > 0 {
		ids := make([]uint, 0, len(articleIDs))
		for id := range articleIDs {
			ids = append(ids, id)
		}
		if err := s.r.Where("article_id IN ?", ids).Find(&qs).Error; err != nil {
			return nil, err
		}
	}
	if !sealed {
		for i := range answers {
			answers[i].Sealed = false
		}
	}
	p.summarise(answers, qs)
	return p, nil
}

// summarise fills the record from the learner's answers, oldest first, and
// the questions of the articles they studied.
func (p *Progress) summarise(answers []answerRow, qs []Question) {
	byID := make(map[uint]*Question, len(qs))
	for i := range qs {
		byID[qs[i].ID] = &qs[i]
	}
	days := map[string]bool{}
	type tally struct {
		misses, tries int
		lastRight     bool
		lastMissed    time.Time
	}
	perQuestion := map[uint]*tally{}
	lastByFact := map[string]bool{} // fact → latest answer right
	lastStudied := map[uint]time.Time{}
	for _, a := range answers {
		day := a.AnsweredAt.UTC().Format(time.DateOnly)
		if !days[day] {
			days[day] = true
			p.Days = append(p.Days, day)
		}
		lastStudied[a.ArticleID] = a.AnsweredAt
		if a.Sealed {
			continue
		}
		p.Answers++
		if a.Correct {
			p.Correct++
		}
		t := perQuestion[a.QuestionID]
		if t == nil {
			t = &tally{}
			perQuestion[a.QuestionID] = t
		}
		t.tries++
		t.lastRight = a.Correct
		if !a.Correct {
			t.misses++
			t.lastMissed = a.AnsweredAt
		}
		if q := byID[a.QuestionID]; q != nil {
			lastByFact[factKey(q)] = a.Correct
		}
	}
	p.Articles = p.articleStandings(qs, lastByFact, lastStudied)
	for id, t := range perQuestion {
		q := byID[id]
		if t.misses == 0 || q == nil {
			continue
		}
		p.Weak = append(p.Weak, WeakSpot{Question: *q, Misses: t.misses, Tries: t.tries, LastRight: t.lastRight, LastMissed: t.lastMissed})
	}
	titles := map[uint]string{}
	for _, a := range p.Attempts {
		titles[a.ArticleID] = a.ArticleTitle
	}
	for i := range p.Weak {
		p.Weak[i].ArticleTitle = titles[p.Weak[i].Question.ArticleID]
	}
	sort.Slice(p.Weak, func(i, j int) bool {
		a, b := p.Weak[i], p.Weak[j]
		if a.LastRight != b.LastRight {
			return !a.LastRight // still wrong first
		}
		if a.Misses != b.Misses {
			return a.Misses > b.Misses
		}
		if !a.LastMissed.Equal(b.LastMissed) {
			return a.LastMissed.After(b.LastMissed)
		}
		return a.Question.ID < b.Question.ID
	})
	if len(p.Weak) > maxWeakSpots {
		p.Weak = p.Weak[:maxWeakSpots]
	}
}

func factKey(q *Question) string {
	return q.Source + "\x00" + string(q.Answer)
}

// articleStandings works out each studied article's scores and mastery,
// the most recently studied first.
func (p *Progress) articleStandings(qs []Question, lastByFact map[string]bool, lastStudied map[uint]time.Time) []ArticleProgress {
	byArticle := map[uint]*ArticleProgress{}
	var order []*ArticleProgress
	for _, a := range p.Attempts {
		ap := byArticle[a.ArticleID]
		if ap == nil {
			ap = &ArticleProgress{ArticleID: a.ArticleID, Title: a.ArticleTitle}
			byArticle[a.ArticleID] = ap
			order = append(order, ap)
		}
		ap.Attempts++
		if !a.StartedAt.Before(ap.LastStudied) {
			ap.LastStudied = a.StartedAt
		}
		if a.FinishedAt != nil && a.Total > 0 {
			pct := a.Score * 100 / a.Total
			ap.Finished++
			ap.Best = max(ap.Best, pct)
			ap.Last = pct
		}
	}
	facts := map[uint]map[string]bool{}
	for i := range qs {
		q := &qs[i]
		if q.Status == StatusRetired {
			continue
		}
		if facts[q.ArticleID] == nil {
			facts[q.ArticleID] = map[string]bool{}
		}
		facts[q.ArticleID][factKey(q)] = true
	}
	out := make([]ArticleProgress, 0, len(order))
	for _, ap := range order {
		for key := range facts[ap.ArticleID] {
			ap.Facts++
			if lastByFact[key] {
				ap.Mastered++
			}
		}
		if t, ok := lastStudied[ap.ArticleID]; ok && t.After(ap.LastStudied) {
			ap.LastStudied = t
		}
		out = append(out, *ap)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].LastStudied.After(out[j].LastStudied) })
	return out
}

// Streak is how many days in a row, up to today, have an answer. A streak
// that ended yesterday still counts: today is not over. days are UTC days
// in order, as Progress gives them.
func Streak(days []string, now time.Time) int {
	have := make(map[string]bool, len(days))
	for _, d := range days {
		have[d] = true
	}
	day := now.UTC()
	if !have[day.Format(time.DateOnly)] {
		day = day.AddDate(0, 0, -1)
	}
	n := 0
	for have[day.Format(time.DateOnly)] {
		n++
		day = day.AddDate(0, 0, -1)
	}
	return n
}

// LearnerSummary is one learner in an instructor's class list.
type LearnerSummary struct {
	User        User
	Attempts    int
	Answers     int
	Correct     int
	Days        []string
	LastStudied time.Time
}

// Learners returns every learner account with a summary of their work,
// by name.
func (s *Store) Learners() ([]LearnerSummary, error) {
	var users []User
	if err := s.r.Where("role = ?", RoleLearner).Order("name, id").Find(&users).Error; err != nil {
		return nil, err
	}
	var counts []struct {
		LearnerID uint
		N         int
	}
	if err := s.r.Model(&Attempt{}).Select("learner_id, COUNT(*) AS n").Where("learner_id IS NOT NULL").
		Group("learner_id").Scan(&counts).Error; err != nil {
		return nil, err
	}
	var answers []struct {
		LearnerID  uint
		Correct    bool
		AnsweredAt time.Time
	}
	if err := s.r.Table("responses r").Select("a.learner_id, r.correct, r.answered_at").
		Joins("JOIN attempts a ON a.id = r.attempt_id").Where("a.learner_id IS NOT NULL").
		Order("r.answered_at, r.id").Scan(&answers).Error; err != nil {
		return nil, err
	}
	byID := map[uint]*LearnerSummary{}
	out := make([]LearnerSummary, len(users))
	for i, u := range users {
		out[i].User = u
		byID[u.ID] = &out[i]
	}
	for _, c := range counts {
		if l := byID[c.LearnerID]; l != nil {
			l.Attempts = c.N
		}
	}
	for _, a := range answers {
		l := byID[a.LearnerID]
		if l == nil {
			continue
		}
		l.Answers++
		if a.Correct {
			l.Correct++
		}
		day := a.AnsweredAt.UTC().Format(time.DateOnly)
		if len(l.Days) == 0 || l.Days[len(l.Days)-1] != day {
			l.Days = append(l.Days, day)
		}
		l.LastStudied = a.AnsweredAt
	}
	return out, nil
}
