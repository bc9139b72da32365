// Chapter links of an uploaded recording: play the video on this page from the chapter's start
// instead of opening the file. Without JavaScript the links open the video at that time (#t=).
document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-seek]");
    var player = document.getElementById("recording-player");
    if (!link || !player) {
        return;
    }
    event.preventDefault();
    player.currentTime = Number(link.getAttribute("data-seek"));
    player.focus();
    player.play();
});
