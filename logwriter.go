package main

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// logWriter buffers the server's log and writes it out every
// logFlushEvery, when the buffer fills, and at Close: one system call for
// many request lines instead of one each. A crash loses at most the last
// logFlushEvery of lines, never a stored answer.
type logWriter struct {
	mu     sync.Mutex
	buf    *bufio.Writer
	closed bool // after Close, every write is flushed at once
	stop   chan struct{}
	done   chan struct{}
}

const logFlushEvery = 100 * time.Millisecond

func newLogWriter(w io.Writer) *logWriter {
	l := &logWriter{buf: bufio.NewWriterSize(w, 64<<10), stop: make(chan struct{}), done: make(chan struct{})}
	go l.flusher()
	return l
}

func (l *logWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n, err := l.buf.Write(p)
	if err == nil && l.closed {
		err = l.buf.Flush()
	}
	return n, err
}

func (l *logWriter) flusher() {
	defer close(l.done)
	t := time.NewTicker(logFlushEvery)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			l.Flush()
		case <-l.stop:
			l.Flush()
			return
		}
	}
}

// Flush writes out what is buffered.
func (l *logWriter) Flush() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Flush()
}

// Close stops the flusher and writes out the rest; later lines are
// written at once.
func (l *logWriter) Close() error {
	close(l.stop)
	<-l.done
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	return l.buf.Flush()
}
