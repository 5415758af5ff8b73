setTimeout(() => {
  const banner = document.createElement('p');
  banner.textContent = 'A late banner that pushes the content down. '.repeat(24);
  document.querySelector('main').prepend(banner);
}, 300);
