// Dossier's only script besides htmx: keep shared URLs short by leaving empty filter fields out
// of the requests htmx makes (and so of the URLs it pushes). The page works without it.
document.addEventListener("htmx:configRequest", function (event) {
  var params = event.detail.parameters;
  if (!params || typeof params.forEach !== "function" || typeof params.delete !== "function") {
    return;
  }
  var empty = [];
  params.forEach(function (value, key) {
    if (value === "") {
      empty.push(key);
    }
  });
  empty.forEach(function (key) {
    params.delete(key);
  });
});
