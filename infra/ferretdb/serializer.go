package main

// A MongoDB wire-protocol proxy that runs one write command at a time in each database.
//
// Each client connection gets its own connection to FerretDB. Requests are
// forwarded whole; for a command that may write, the lock of its database is held
// from sending the request until its reply has come back, so FerretDB's
// query-then-write never interleaves with another write to the same database.
// Commands known to be read-only pass without a lock, so reads stay concurrent; an
// aggregate is one of them unless its pipeline has a $out or $merge stage.
//
// The lock is per database, not process-wide: what FerretDB 1.24 gets wrong is two
// writes racing on the same documents, which only happens within one collection.
// Each service has its own database (and each test file its own), so one service's
// burst no longer queues every other service's writes behind it. A finer lock (per
// collection) would let one SQLite file see two writers at once; per database keeps
// each SQLite file single-writer too. A write whose database is unknown (unparsed,
// or sent to `admin`, like renameCollection across databases) takes every database's
// lock: it holds `all` exclusively, while a database's writes hold it shared.
//
// On PostgreSQL, a write command that may create or change a collection's indexes
// calls afterWrite (gin.go) once its reply is in and before the client sees it, still
// under the lock, so an index a client has just created is served when it reads on.

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"log"
	"net"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/x/bsonx/bsoncore"
)

const (
	opQuery = 2004
	opMsg   = 2013

	flagMoreToCome = 1 << 1

	maxMessage = 48 * 1024 * 1024
)

// Commands that never write: they may run beside a write.
var readOnly = map[string]bool{
	"find": true, "getMore": true, "count": true, "distinct": true, "killCursors": true,
	"hello": true, "isMaster": true, "ismaster": true, "ping": true, "buildInfo": true,
	"buildinfo": true, "listCollections": true, "listIndexes": true, "listDatabases": true,
	"endSessions": true, "getParameter": true, "getLog": true, "serverStatus": true,
	"dbStats": true, "collStats": true, "connectionStatus": true, "whatsmyuri": true,
	"getCmdLineOpts": true, "saslStart": true, "saslContinue": true, "explain": true,
	"hostInfo": true, "getFreeMonitoringStatus": true, "logout": true,
}

// all is held shared by a write to one database and exclusively by a write to no known one.
var all sync.RWMutex

// One mutex per database name, never removed: a dropped database's entry is a few bytes, and
// removing it could hand a second mutex to a writer while the first is still held.
var (
	dbLocksMu sync.Mutex
	dbLocks   = map[string]*sync.Mutex{}
)

// lockWrite takes the locks a write to database db needs and returns their release; "" (a
// command that could not be parsed, or names no database) and "admin" take every database's.
func lockWrite(db string) func() {
	if db == "" || db == "admin" {
		all.Lock()
		return all.Unlock
	}
	all.RLock()
	dbLocksMu.Lock()
	m, ok := dbLocks[db]
	if !ok {
		m = &sync.Mutex{}
		dbLocks[db] = m
	}
	dbLocksMu.Unlock()
	m.Lock()
	return func() {
		m.Unlock()
		all.RUnlock()
	}
}

// afterWrite, when set, runs after a write command's reply has been read and before it is relayed.
var afterWrite func(cmd command)

// command is what the proxy knows of a request: its name, database and collection (if any).
type command struct {
	name, db, coll string
	// an aggregate whose pipeline has no $out or $merge stage: it only reads
	readOnlyAggregate bool
}

// writes says whether the command may write, so must hold its database's lock.
func (c command) writes(parsed bool) bool {
	if !parsed {
		return true
	}
	if c.name == "aggregate" {
		return !c.readOnlyAggregate
	}
	return !readOnly[c.name]
}

func serve(ln net.Listener, backendSock string) {
	for {
		c, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			log.Printf("accept: %v", err)
			time.Sleep(50 * time.Millisecond)
			continue
		}
		go proxy(c, backendSock)
	}
}

func proxy(client net.Conn, backendSock string) {
	defer client.Close()
	var backend net.Conn
	var err error
	for i := 0; i < 100; i++ { // FerretDB may still be opening its socket at start-up
		if backend, err = net.Dial("unix", backendSock); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		log.Printf("backend: %v", err)
		return
	}
	defer backend.Close()

	cr := bufio.NewReaderSize(client, 64*1024)
	br := bufio.NewReaderSize(backend, 64*1024)
	for {
		req, err := readMessage(cr)
		if err != nil {
			return
		}
		if err := roundTrip(req, backend, br, client); err != nil {
			return
		}
	}
}

// roundTrip sends one request and relays its replies, holding its database's write lock when needed.
func roundTrip(req []byte, backend net.Conn, br *bufio.Reader, client net.Conn) error {
	cmd, parsed := parseCommand(req)
	write := opCode(req) != opQuery && cmd.writes(parsed)
	if write {
		defer lockWrite(cmd.db)()
	}
	if _, err := backend.Write(req); err != nil {
		return err
	}
	if opCode(req) == opMsg && flags(req)&flagMoreToCome != 0 {
		if write && parsed && afterWrite != nil {
			afterWrite(cmd)
		}
		return nil // fire-and-forget (w:0): no reply comes
	}
	for {
		resp, err := readMessage(br)
		if err != nil {
			return err
		}
		last := opCode(resp) != opMsg || flags(resp)&flagMoreToCome == 0
		if last && write && parsed && afterWrite != nil {
			afterWrite(cmd)
		}
		if _, err := client.Write(resp); err != nil {
			return err
		}
		if last {
			return nil
		}
	}
}

func readMessage(r *bufio.Reader) ([]byte, error) {
	var head [4]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return nil, err
	}
	n := int(binary.LittleEndian.Uint32(head[:]))
	if n < 16 || n > maxMessage {
		return nil, errors.New("bad message length")
	}
	msg := make([]byte, n)
	copy(msg, head[:])
	if _, err := io.ReadFull(r, msg[4:]); err != nil {
		return nil, err
	}
	return msg, nil
}

func opCode(msg []byte) int32 { return int32(binary.LittleEndian.Uint32(msg[12:16])) }

func flags(msg []byte) uint32 {
	if len(msg) < 20 {
		return 0
	}
	return binary.LittleEndian.Uint32(msg[16:20])
}

// parseCommand reads the body section (kind 0) of an OP_MSG: the command's name (its first key),
// the collection it names (the first key's value, when a string) and `$db`. Legacy OP_QUERY is
// only the driver's first hello, so it is neither parsed nor locked.
func parseCommand(msg []byte) (command, bool) {
	if opCode(msg) != opMsg {
		return command{}, false
	}
	// header 16, flagBits 4, then sections; kind-0 section: 1 byte kind, then a BSON document.
	for pos := 20; pos < len(msg); {
		kind := msg[pos]
		pos++
		if pos+4 > len(msg) {
			return command{}, false
		}
		size := int(binary.LittleEndian.Uint32(msg[pos : pos+4]))
		if size < 5 || pos+size > len(msg) {
			return command{}, false
		}
		if kind == 0 {
			doc := bsoncore.Document(msg[pos : pos+size])
			first, err := doc.IndexErr(0)
			if err != nil {
				return command{}, false
			}
			cmd := command{name: first.Key()}
			cmd.coll, _ = first.Value().StringValueOK()
			cmd.db, _ = doc.Lookup("$db").StringValueOK()
			if cmd.name == "aggregate" {
				cmd.readOnlyAggregate = pipelineOnlyReads(doc)
			}
			return cmd, true
		}
		pos += size // kind 1: int32 size covers the identifier and documents
	}
	return command{}, false
}

// pipelineOnlyReads says whether an aggregate's pipeline is readable and has no $out or $merge
// stage (countDocuments, for one, is an aggregate: it must not queue behind a database's writes).
func pipelineOnlyReads(doc bsoncore.Document) bool {
	stages, ok := doc.Lookup("pipeline").ArrayOK()
	if !ok {
		return false
	}
	values, err := stages.Values()
	if err != nil {
		return false
	}
	for _, v := range values {
		stage, ok := v.DocumentOK()
		if !ok {
			return false
		}
		first, err := stage.IndexErr(0)
		if err != nil {
			return false
		}
		if k := first.Key(); k == "$out" || k == "$merge" {
			return false
		}
	}
	return true
}
