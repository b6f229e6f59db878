/*
 * Froster pages: the segment player. A segment plays from its start and stops at its end: the
 * URL carries the media fragment #t=start,end (browsers seek there) and, because not every browser
 * honours the end of a fragment, a timeupdate listener pauses at the end.
 */
var Froster = Froster || {};

Froster.play = function (playerId, videoUrl, startMs, endMs, caption) {
  var panel = document.getElementById(playerId);
  var video = panel.querySelector('video');
  var start = startMs / 1000;
  var end = endMs / 1000;
  panel.classList.add('open');
  panel.querySelector('.caption').textContent = caption || '';
  video.dataset.start = start;
  video.dataset.end = end;
  if (!video.dataset.listening) {
    video.dataset.listening = 'true';
    video.addEventListener('timeupdate', function () {
      if (video.currentTime >= parseFloat(video.dataset.end)) {
        video.pause();
      }
    });
    video.addEventListener('loadedmetadata', function () {
      // The fragment already seeks; this covers browsers that ignore it.
      if (Math.abs(video.currentTime - parseFloat(video.dataset.start)) > 0.25) {
        video.currentTime = parseFloat(video.dataset.start);
      }
    });
  }
  video.src = videoUrl + '#t=' + start + ',' + end;
  video.load();
  var playing = video.play();
  if (playing && playing.catch) {
    playing.catch(function () { /* autoplay refused: the controls are there */ });
  }
  panel.scrollIntoView({ block: 'start' });
  return false;
};

/* Review queue: keyboard shortcuts on the one-item view (a accept, r reject, l relabel). */
Froster.reviewKeys = function (formId) {
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT'
        || target.isContentEditable)) {
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var buttons = { a: 'accept', r: 'reject', l: 'relabel' };
    var name = buttons[event.key];
    if (!name) {
      return;
    }
    var button = document.getElementById(formId + ':' + name);
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  });
};
