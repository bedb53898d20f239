// Renders the API reference from /openapi.json with the embedded Redoc
// bundle. Telemetry stays off and every resource comes from this server.
import { init } from "/docs/assets/redoc.standalone.js";

init(
  "/openapi.json",
  {
    disableTelemetry: true,
    hideDownloadButtons: false,
    expandResponses: "200,201",
    jsonSamplesExpandLevel: 3,
    sortRequiredPropsFirst: true,
  },
  document.getElementById("redoc"),
);
