console.error('fixture: something went wrong');
setTimeout(() => { throw new Error('fixture: uncaught error'); }, 0);
