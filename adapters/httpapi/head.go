package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// withHead registers every GET route it is given for HEAD as well, so that
// routes registered beside the route table (the OpenAPI document and its
// page) answer HEAD like the rest. The conditional middleware drops the
// body of HEAD answers and keeps their headers.
type withHead struct {
	gin.IRoutes
}

// GET registers handlers for GET and HEAD on path.
func (r withHead) GET(path string, handlers ...gin.HandlerFunc) gin.IRoutes {
	r.Handle(http.MethodHead, path, handlers...)
	return r.IRoutes.GET(path, handlers...)
}
