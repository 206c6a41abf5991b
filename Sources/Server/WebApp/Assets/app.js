// The web app's entry module: marks that scripting runs, then loads the module of the page
// (`<body data-page>`). Every page works without it; this only enhances.
document.documentElement.classList.add("js");
const page = document.body.dataset.page;
const modules = { slate: "./slate.js", candidate: "./candidate.js", playground: "./playground.js" };
// `data-ready` says the page's script has run (the browser tests wait for it).
const ready = () => { document.body.dataset.ready = "true"; };
if (modules[page]) {
  import(modules[page]).then((module) => module.start(document)).then(ready);
} else {
  ready();
}
