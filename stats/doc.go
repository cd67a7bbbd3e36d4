// Package stats computes the statistics Moodle's quiz statistics report shows
// an instructor: for the quiz as a whole and for each question in it.
//
// Quiz summarises the attempts' total scores: mean, median, standard
// deviation, skewness, kurtosis, Cronbach's alpha (Moodle's coefficient of
// internal consistency), error ratio and standard error of measurement. Items
// gives each question's facility index, standard deviation, discrimination
// index and discriminative efficiency, and flags questions that discriminate
// poorly. OptionCounts tallies which options were chosen.
//
// The input is a Results: one row of marks per attempt, each mark a fraction
// of the question's maximum mark. NaN marks a question that was not asked in
// an attempt (a question drawn at random from a pool, say); see Results for
// how each statistic then treats it.
//
// Values are on the scales Moodle shows: everything except counts, skewness
// and kurtosis is a percentage. A statistic that is undefined for the data
// (a standard deviation of one attempt, a correlation with a constant) is
// NaN. Moodle shows those as an empty cell, and so should a report built on
// this package; no NaN is ever hidden inside another value.
//
// The package is pure Go with no database: the caller loads the marks. The
// work is a constant number of passes over them, plus one sort per question
// for the discriminative efficiency.
package stats
