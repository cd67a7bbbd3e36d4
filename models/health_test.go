package models

import (
	"context"
	"testing"
	"time"
)

func TestPing(t *testing.T) {
	s := openTest(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	writer, reader := s.PoolStats()
	if writer.MaxOpenConnections < 1 || reader.MaxOpenConnections < 1 {
		t.Errorf("PoolStats: max open %d (writer), %d (reader), want limits", writer.MaxOpenConnections, reader.MaxOpenConnections)
	}
	if writer.OpenConnections < 1 || reader.OpenConnections < 1 {
		t.Errorf("PoolStats after Ping: open %d (writer), %d (reader), want at least 1 each", writer.OpenConnections, reader.OpenConnections)
	}

	done, stop := context.WithCancel(context.Background())
	stop()
	if err := s.Ping(done); err == nil {
		t.Error("Ping with a cancelled context: no error")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Ping(ctx); err == nil {
		t.Error("Ping after Close: no error")
	}
}
