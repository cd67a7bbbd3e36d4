package handlers

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
)

// Request bodies. The server streams them (fasthttp's StreamRequestBody):
// nothing beyond the first 8 KB is read, or reserved, until a middleware
// here has checked the declared length against the route's limit. Every
// form and JSON call fits in maxFormBytes; only the upload routes, for
// staff, may send up to uploadLimit. An encoded body (gzip, br, deflate)
// is refused: Fiber would inflate it with no limit.

// maxFormBytes is the body limit of every route but the staff uploads:
// a question form with every option at its longest is under 100 KB, and a
// bulk action on a few thousand questions under 200 KB.
const maxFormBytes = 256 << 10

// uploadRoutes take an article or a question file, from staff only.
var uploadRoutes = map[string]bool{
	"POST /articles":     true,
	"POST /api/articles": true,
	"POST /bank/import":  true,
}

// uploadLimit is the largest upload accepted from staff. It is well above
// the article limit, so that an upload a little or a lot too large (a
// 10 MB file) is read and answered with a page that says the limit; only
// bodies beyond it are refused unread.
func (h *Handler) uploadLimit() int {
	return max(16<<20, 2*h.parser.Limit()+64<<10)
}

// isUpload reports whether the request is to an upload route.
func isUpload(c *fiber.Ctx) bool {
	return uploadRoutes[c.Method()+" "+c.Path()]
}

// limitBody runs before anything reads a body: it refuses encoded bodies
// (415) and bodies over the route's limit (413) without reading them, and
// reads the others in whole, so that no handler can read more. An upload
// route's body is left for limitUpload, which knows who is asking. When a
// body is refused or left unread, the connection closes after the answer,
// since the unread bytes would otherwise be read as the next request.
func (h *Handler) limitBody(c *fiber.Ctx) error {
	if err := h.checkBody(c); err != nil {
		return refuse(c, err)
	}
	err := c.Next()
	if c.Request().IsBodyStream() && c.Request().Header.ContentLength() != 0 {
		discard(c)
	}
	return err
}

// drainLimit is how much of a refused or unread body is read and thrown
// away before the connection closes, so that the client, still sending,
// gets the answer rather than a reset connection. Beyond it the
// connection closes unread.
const drainLimit = 1 << 20

// drainWait is how long discard waits for the rest of a body.
const drainWait = time.Second

// refuse answers err to a request whose body is not wanted.
func refuse(c *fiber.Ctx, err error) error {
	discard(c)
	return err
}

// discard throws away what is left of the body, up to drainLimit, and
// closes the connection after the answer.
func discard(c *fiber.Ctx) {
	c.Context().SetConnectionClose()
	req := c.Request()
	if !req.IsBodyStream() {
		return
	}
	if n := req.Header.ContentLength(); n > drainLimit {
		return
	}
	// A client that stops sending is not waited for long.
	c.Context().Conn().SetReadDeadline(time.Now().Add(drainWait))
	io.Copy(io.Discard, io.LimitReader(c.Context().RequestBodyStream(), drainLimit))
}

func (h *Handler) checkBody(c *fiber.Ctx) error {
	var encoded []byte
	c.Request().Header.VisitAll(func(k, v []byte) {
		if bytes.EqualFold(k, []byte(fiber.HeaderContentEncoding)) && !bytes.EqualFold(bytes.TrimSpace(v), []byte("identity")) {
			encoded = v
		}
	})
	if encoded != nil {
		return fiber.NewError(fiber.StatusUnsupportedMediaType, fmt.Sprintf(
			"Request bodies may not be compressed (Content-Encoding: %s): send the body as it is.", sanitizeHeader(encoded)))
	}
	if !isUpload(c) {
		return readBody(c, maxFormBytes)
	}
	if n := c.Request().Header.ContentLength(); n > h.uploadLimit() {
		return tooLarge(h.uploadLimit())
	}
	return nil
}

// limitUpload, after identify, gives staff the upload limit on the upload
// routes and everyone else the form limit, and reads the body.
func (h *Handler) limitUpload(c *fiber.Ctx) error {
	if !isUpload(c) {
		return c.Next()
	}
	limit := maxFormBytes
	if u := currentUser(c); u != nil && u.Can(models.RoleInstructor) {
		limit = h.uploadLimit()
	}
	if err := readBody(c, limit); err != nil {
		return refuse(c, err)
	}
	return c.Next()
}

// readBody reads the request's body when it is at most limit bytes, and
// refuses it unread when its declared length is over; a chunked body of
// unknown length is read until it passes the limit.
func readBody(c *fiber.Ctx, limit int) error {
	req := c.Request()
	if !req.IsBodyStream() {
		return nil
	}
	n := req.Header.ContentLength()
	if n > limit {
		return tooLarge(limit)
	}
	if n >= 0 {
		req.Body() // at most limit bytes, as declared
		return nil
	}
	b, err := io.ReadAll(io.LimitReader(c.Context().RequestBodyStream(), int64(limit)+1))
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "The request body could not be read: "+err.Error())
	}
	if len(b) > limit {
		return tooLarge(limit)
	}
	req.SetBody(b)
	return nil
}

func tooLarge(limit int) error {
	return fiber.NewError(fiber.StatusRequestEntityTooLarge, fmt.Sprintf("The request is too large: the limit is %d bytes.", limit))
}

// sanitizeHeader keeps a header value short and printable for a message.
func sanitizeHeader(v []byte) string {
	out := make([]byte, 0, min(len(v), 40))
	for _, b := range v[:min(len(v), 40)] {
		if b >= ' ' && b < 0x7f {
			out = append(out, b)
		}
	}
	return string(out)
}
