// An engine's process that dies on its first message, as a broken build or a crash at
// start-up would: the host sees it end before it is ready, every time.
process.on('message', () => process.exit(70));
