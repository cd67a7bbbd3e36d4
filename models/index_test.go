package models

import (
	"strings"
	"testing"
)

// TestAttemptQuestionLookupUsesIndex guards the index the question page and
// every answer use to find a question of an attempt: without it the lookup
// scans every attempt that ever asked the question.
func TestAttemptQuestionLookupUsesIndex(t *testing.T) {
	s := openTest(t)
	sqliteOnly(t, s)
	var plan []struct {
		ID, Parent, Notused int
		Detail              string
	}
	if err := s.r.Raw("EXPLAIN QUERY PLAN SELECT id FROM attempt_questions WHERE attempt_id = 1 AND question_id = 2").Scan(&plan).Error; err != nil {
		t.Fatal(err)
	}
	if len(plan) == 0 || !strings.Contains(plan[0].Detail, "INDEX idx_attempt_question (attempt_id=? AND question_id=?)") {
		t.Errorf("query plan: %+v", plan)
	}
}
