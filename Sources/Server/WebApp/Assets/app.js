// The web app's entry module: marks that scripting runs, then loads the module of the page
// (`<body data-page>`). Every page works without it; this only enhances.
document.documentElement.classList.add("js");
const page = document.body.dataset.page;
const modules = { slate: "./slate.js", candidate: "./candidate.js", playground: "./playground.js" };
if (modules[page]) {
  import(modules[page]).then((module) => module.start(document));
}
