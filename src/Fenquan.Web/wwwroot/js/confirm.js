// Irreversible actions ask first (issue 14): a submit button (or form) with data-confirm="…" shows
// that question, in the page's language, and posts nothing unless it is accepted. Without a script
// the button posts as before; the server checks every action either way.
document.addEventListener('submit', (event) => {
  const question = (event.submitter && event.submitter.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
